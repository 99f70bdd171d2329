"""The MkDocs adapter: the plugin (plugin.py) and the steps it runs, one module per concern."""
