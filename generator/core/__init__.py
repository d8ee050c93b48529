"""What every command shares: records, errors, the snapshot format, dates and text, the GitHub
connection."""
