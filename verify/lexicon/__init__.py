"""Language data, kept apart from the algorithms that use it (as spaCy keeps `lang/en/`).

Each word list or phrase table is defined once, in the module of its language; code imports
the lists it needs and never repeats them.
"""
