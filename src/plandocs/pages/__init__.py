"""The generated page families: one module per page, each with `render(data, lang) -> str`."""
