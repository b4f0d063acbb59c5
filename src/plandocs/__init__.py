"""Load, validate and render the plan's bilingual data into Markdown pages.

Data flows one way: YAML files under ``data/`` -> typed, frozen models (:mod:`plandocs.model`)
-> consistency rules (:mod:`plandocs.rules`) -> pure render functions, one module per page
family (:mod:`plandocs.pages`) -> Markdown text. Nothing here knows about MkDocs.
"""
