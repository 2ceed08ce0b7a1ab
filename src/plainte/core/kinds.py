"""The kinds of text plainte writes, as data: `--kind` is checked without the composer."""

LETTERS = ("complaint", "formal-notice", "ombudsman", "cancellation", "call-recap")
POSTS = ("public-post", "satire")
KINDS = LETTERS + POSTS
