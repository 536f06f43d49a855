print("edgar-etl")
