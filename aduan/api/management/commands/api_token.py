"""``aduan api_token issue|list|revoke``: API tokens for integrations and staff apps.

    aduan api_token issue --jurisdiction pekalongan --name "Bot WhatsApp" \\
        --scope complaints:submit
    aduan api_token issue --jurisdiction pekalongan --name "Aplikasi petugas" \\
        --user budi --scope complaints:read --scope complaints:write --unit disdukcapil
    aduan api_token list [--jurisdiction pekalongan]
    aduan api_token revoke adn_AbCdEfGh

The key is printed once, when issued; only its hash is stored.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from aduan.accounts.models import User
from aduan.api.models import ApiToken, Scope
from aduan.organisation.models import Jurisdiction, Unit


class Command(BaseCommand):
    help = "Menerbitkan, mendaftar dan mencabut token API. / Issue, list and revoke API tokens."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="command", required=True)
        issue = sub.add_parser("issue", help="Terbitkan token baru. / Issue a token.")
        issue.add_argument("--jurisdiction", required=True)
        issue.add_argument("--name", required=True)
        issue.add_argument("--user", help="Username: the token acts as this staff user.")
        issue.add_argument(
            "--scope", action="append", default=[], choices=Scope.values, required=True
        )
        issue.add_argument("--unit", action="append", default=[], help="Limit to unit codes.")
        issue.add_argument("--days", type=int, help="Expires after this many days.")
        listing = sub.add_parser("list", help="Daftar token. / List tokens.")
        listing.add_argument("--jurisdiction")
        revoke = sub.add_parser("revoke", help="Cabut token. / Revoke a token.")
        revoke.add_argument("prefix", help="The key prefix shown by `list` (adn_…).")

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, f"_{options['command']}")(options)

    def _issue(self, options: dict[str, Any]) -> None:
        jurisdiction = Jurisdiction.objects.filter(slug=options["jurisdiction"]).first()
        if jurisdiction is None:
            raise CommandError(f"Unknown jurisdiction {options['jurisdiction']!r}.")
        user = None
        if options.get("user"):
            user = User.objects.filter(
                username=options["user"], jurisdiction=jurisdiction, is_active=True
            ).first()
            if user is None:
                raise CommandError(f"No active user {options['user']!r} in this jurisdiction.")
        units = []
        for code in options["unit"]:
            unit = Unit.objects.filter(jurisdiction=jurisdiction, code=code).first()
            if unit is None:
                raise CommandError(f"Unknown unit {code!r}.")
            units.append(unit)
        expires = timezone.now() + timedelta(days=options["days"]) if options.get("days") else None
        token, raw = ApiToken.issue(
            jurisdiction=jurisdiction,
            name=options["name"],
            scopes=options["scope"],
            user=user,
            expires_at=expires,
        )
        token.units.set(units)
        self.stdout.write(f"{token.name}: {raw}")
        self.stdout.write("Simpan sekarang; kunci ini tidak ditampilkan lagi. / Store it now.")

    def _list(self, options: dict[str, Any]) -> None:
        tokens = ApiToken.objects.select_related("jurisdiction", "user").prefetch_related("units")
        if options.get("jurisdiction"):
            tokens = tokens.filter(jurisdiction__slug=options["jurisdiction"])
        for token in tokens:
            state = "active" if token.is_active else "revoked/expired"
            units = ",".join(u.code for u in token.units.all()) or "-"
            self.stdout.write(
                f"{token.key_prefix}  {token.jurisdiction.slug}  {token.name!r}  "
                f"user={token.user.username if token.user else '-'}  "
                f"scopes={','.join(token.scopes)}  units={units}  {state}  "
                f"last_used={token.last_used_at or '-'}"
            )

    def _revoke(self, options: dict[str, Any]) -> None:
        matches = list(ApiToken.objects.filter(key_prefix=options["prefix"]))
        if len(matches) != 1:
            raise CommandError(f"{len(matches)} tokens have this prefix; expected exactly one.")
        matches[0].revoke()
        self.stdout.write(f"Revoked {matches[0]}.")
