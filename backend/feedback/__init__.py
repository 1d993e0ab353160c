"""Anonymous police-response feedback: invitations by QR code, the form, anonymised
figures and reflective supervision (issue 11). See services.py for what is stored."""
