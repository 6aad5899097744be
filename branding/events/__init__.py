"""Events: festivals, markets and ceremonies, one-off or repeating."""
