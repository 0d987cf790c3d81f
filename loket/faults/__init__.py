"""Fault runs (`make faults`): the portal under a PostgreSQL restart, a killed worker and a
WhatsApp provider that is down, with load from a second process on loopback."""
