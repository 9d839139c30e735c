"""VaxDesk: the vaccination facility's desktop for issuing EU DCC vaccine passports.

Everything under ``desktop`` except ``desktop.views`` is the Qt-free core, shared by the window,
the command line and the reference services.
"""

__version__ = "0.1.0"
