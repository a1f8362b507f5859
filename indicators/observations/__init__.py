"""Figures in: reading CSV, Excel and Kolada files into checked observations, all or nothing, with an import log."""
