"""Shovel Ready: good first issues of progressive open source, as a static site.

A package per command over a small core; imports go core <- sources <- {fetch, check, build}:

    core/     records, errors, the snapshot format, dates and text, the GitHub connection
    sources/  sources.yaml -> Source records (its fields as one table: checks, JSON Schema, docs)
    fetch/    GitHub -> a new snapshot and a report of how each repo's fetch ended
    check/    sources.yaml line by line, and (online) what GitHub says of each entry
    build/    judge -> plan -> render -> write: the snapshot -> the site
    cli.py    arguments in, one call per command, exceptions -> exit codes
"""
