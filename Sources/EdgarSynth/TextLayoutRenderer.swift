public enum TextLayoutRenderer {}
