"""Read report files (txt, html, pdf, docx) into normalized, segmented Documents."""
