"""How many samples a batch holds, without importing any framework: the first dimension of its first tensor."""


def batch_size(batch):
    """The length of the batch's first array-like (``.shape[0]``), looking into tuples, lists and dicts; None if none."""
    seen = 0
    todo = [batch]
    while todo and seen < 64:
        seen += 1
        b = todo.pop(0)
        shape = getattr(b, "shape", None)
        if shape is not None:
            try:
                return int(shape[0]) if len(shape) > 0 else None
            except (TypeError, IndexError):
                return None
        if isinstance(b, dict):
            todo.extend(b.values())
        elif isinstance(b, (list, tuple)):
            todo.extend(b)
    return None
