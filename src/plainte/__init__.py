"""plainte: a desktop assistant for people stuck in a customer-service saga."""

__version__ = "0.1.0"
