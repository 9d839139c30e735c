"""Paper certificates: Decision 5772's form as PDF (reportlab, embedded fonts) with the QR (zxing-cpp)."""
