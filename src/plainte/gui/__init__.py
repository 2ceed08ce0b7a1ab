"""The desktop app: Qt widgets and item models over :mod:`plainte.core`."""
