"""The domain of plainte, free of Qt: model, store, facts, ladders, composing."""
