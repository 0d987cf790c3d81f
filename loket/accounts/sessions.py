"""Django's database sessions, read with SQL compiled once per process (portal/compiled.py):
every signed-in request reads its session first."""

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.utils import timezone

from loket.portal.compiled import Compiled

BY_KEY = Compiled(lambda key: Session.objects.filter(session_key=key), str)


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        found = BY_KEY.first(self.session_key) if self.session_key else None
        if found is None or found.expire_date <= timezone.now():
            self._session_key = None
            return None
        return found
