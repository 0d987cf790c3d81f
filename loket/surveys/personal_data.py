"""Questionnaire answers: they name no one already; a suggestion may quote the person."""

from loket.accounts.models import User
from loket.accounts.privacy import Erasure, eraser, exporter
from loket.surveys.models import Response


@exporter("questionnaire_answers")
def answers(person: User) -> list[dict]:
    mine = Response.objects.filter(req__requester=person).select_related("req")
    return [
        {
            "request": r.req.ticket,
            "answered_at": r.answered_at,
            "scores": list(r.scores),
            "gender": r.get_gender_display(),
            "age": r.get_age_group_display(),
            "education": r.get_education_display(),
            "occupation": r.get_occupation_display(),
            "suggestion": r.suggestion,
        }
        for r in mine
    ]


@eraser("surveys")
def erase(erasure: Erasure) -> None:
    for response in Response.objects.filter(req__requester=erasure.person).only("pk", "suggestion"):
        if (suggestion := erasure.redactor.text(response.suggestion)) != response.suggestion:
            Response.objects.filter(pk=response.pk).update(suggestion=suggestion)
