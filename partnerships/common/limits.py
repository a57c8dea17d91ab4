"""How long each kind of free text may be: the one table forms read their limits from."""

COMMENT = 4_000
REFLECTION_ANSWER = 20_000
TITLE = 200
NAME = 150
NOTES = 10_000
TEXTAREA_DEFAULT = 10_000
