"""Database side of bench/load_faults.py, run in its own process (no gevent here).

python -m bench.lf_db seed TEACHERS ADMINS OUT.json   # accounts for the load run
python -m bench.lf_db verify ACKS.json                # acknowledged writes vs rows
"""

import json
import os
import sys

PASSWORD = "bench-load-password-1"


def setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings_bench")
    import django

    django.setup()


def seed(teachers, admins, out):
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from partnerships.models import Membership, Partnership, User

    password = make_password(PASSWORD)  # hashed once, shared: seeding stays fast
    with transaction.atomic():
        User.objects.filter(email__endswith="@load.bench").delete()
        people = []
        for i in range(teachers):
            people.append(
                User(email=f"teacher{i}@load.bench", first_name="Teacher", last_name=str(i), password=password)
            )
        for i in range(admins):
            people.append(User(email=f"admin{i}@load.bench", first_name="Admin", last_name=str(i), password=password))
        User.objects.bulk_create(people)
        people = list(User.objects.filter(email__endswith="@load.bench").order_by("pk"))
        teacher_rows = [u for u in people if u.email.startswith("teacher")]
        admin_rows = [u for u in people if u.email.startswith("admin")]
        accounts = []
        for index, teacher in enumerate(teacher_rows):
            partnership = Partnership.objects.create(title=f"Load partnership {index}", lead_teacher=teacher)
            Membership.objects.create(partnership=partnership, user=teacher, role=Membership.Role.LEAD_TEACHER)
            accounts.append(
                {"id": teacher.pk, "email": teacher.email, "role": "teacher", "partnership": partnership.pk}
            )
            if index < len(admin_rows):
                admin = admin_rows[index]
                Membership.objects.create(partnership=partnership, user=admin, role=Membership.Role.ADMINISTRATOR)
                accounts.append(
                    {"id": admin.pk, "email": admin.email, "role": "administrator", "partnership": partnership.pk}
                )
    with open(out, "w") as handle:
        json.dump({"password": PASSWORD, "accounts": accounts}, handle)
    print(json.dumps({"seeded": len(accounts)}))


def verify(acks_path):
    """Every acknowledged write is in the database.

    update targets: each person's stored value is their last acknowledged one or a
    later one that was sent but not acknowledged (in flight when something failed).
    create targets: every acknowledged row exists; rows beyond those were in flight.
    """
    from partnerships.models import Invitation, User

    with open(acks_path) as handle:
        acks = json.load(handle)["writes"]
    report = {"acknowledged": 0, "rows_found": 0, "lost": [], "by_target": {}}
    updates, creates = {}, {}
    for write in acks:
        key = (write["target"], write["user"])
        if write["kind"] == "update":
            updates.setdefault(key, []).append(write)
        else:
            creates.setdefault(write["target"], []).append(write)
    stored_titles = dict(User.objects.filter(email__endswith="@load.bench").values_list("pk", "job_title"))
    for (target, user), writes in updates.items():
        acked = [w for w in writes if w["acked"]]
        sent_seqs = {w["value"]: w["seq"] for w in writes}
        stats = report["by_target"].setdefault(target, {"acknowledged": 0, "rows_found": 0})
        stats["acknowledged"] += len(acked)
        report["acknowledged"] += len(acked)
        if not acked:
            continue
        last = max(w["seq"] for w in acked)
        stored = stored_titles.get(user)
        if stored in sent_seqs and sent_seqs[stored] >= last:
            stats["rows_found"] += len(acked)  # the last write, which carries every earlier one
            report["rows_found"] += len(acked)
        else:
            report["lost"].append(f"{target} user {user}: stored {stored!r}, last acknowledged seq {last}")
    emails = set(Invitation.objects.filter(email__endswith="@load.bench").values_list("email", flat=True))
    for target, writes in creates.items():
        acked = [w for w in writes if w["acked"]]
        found = [w for w in acked if w["value"] in emails]
        report["by_target"][target] = {"acknowledged": len(acked), "rows_found": len(found), "rows_total": len(emails)}
        report["acknowledged"] += len(acked)
        report["rows_found"] += len(found)
        report["lost"] += [
            f"{target}: {w['value']} acknowledged but missing" for w in acked if w["value"] not in emails
        ]
    print(json.dumps(report))


def main(argv):
    setup()
    if argv[0] == "seed":
        seed(int(argv[1]), int(argv[2]), argv[3])
    elif argv[0] == "verify":
        verify(argv[1])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
