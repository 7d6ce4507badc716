"""Rule-based suggestions of quotes, cues and speakers."""
