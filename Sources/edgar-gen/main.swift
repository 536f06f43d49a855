print("edgar-gen")
