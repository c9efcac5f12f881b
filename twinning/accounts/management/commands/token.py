from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from twinning.accounts.models import ApiToken
from twinning.accounts.services import api_token_create, api_token_revoke


class Command(BaseCommand):
    help = "Create, list or revoke API tokens. A new token's secret is printed once."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Create a token for a user.")
        create.add_argument("username")
        create.add_argument("--name", default="command line", help="What the token is for.")
        listing = actions.add_parser("list", help="List a user's tokens.")
        listing.add_argument("username")
        revoke = actions.add_parser("revoke", help="Revoke a token by the first characters.")
        revoke.add_argument("prefix")

    def handle(self, *args, action, **options):
        if action == "revoke":
            tokens = ApiToken.objects.filter(prefix=options["prefix"], revoked_at__isnull=True)
            if tokens.count() != 1:
                raise CommandError(f"No single live token starts with {options['prefix']}.")
            api_token_revoke(token=tokens.get())
            self.stdout.write("Revoked.")
            return
        try:
            user = get_user_model().objects.get(username=options["username"])
        except get_user_model().DoesNotExist:
            raise CommandError(f"No user {options['username']}.") from None
        if action == "create":
            _token, key = api_token_create(user=user, name=options["name"])
            self.stdout.write(key)
        else:
            for token in user.api_tokens.all():
                state = "revoked" if token.revoked_at else "live"
                self.stdout.write(
                    f"{token.prefix}  {token.name}  {state}  {token.created_at:%Y-%m-%d}"
                )
