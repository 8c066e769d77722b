"""Offline exchange in the GUI: this site's identity, pairing, the list of peers, exporting a
package for a peer and importing one (verify, preview, apply, report with the conflicts to
review). The work itself is ``db.exchange``'s; these dialogs only ask, show and wait."""
