import factory

from loket.accounts.models import User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.ac.id")
    full_name = factory.Faker("name", locale="id_ID")
    password = factory.django.Password("loket-test-password")
