"""The kinds of text and file plainte writes, as data: `--kind` and `--format` are checked
without importing the composer or the exports."""

LETTERS = ("complaint", "formal-notice", "ombudsman", "cancellation", "call-recap")
POSTS = ("public-post", "satire")
KINDS = LETTERS + POSTS

FORMATS = ("json", "csv", "html", "pdf", "ics", "png", "pack")
"""What ``plainte export --format`` writes."""
