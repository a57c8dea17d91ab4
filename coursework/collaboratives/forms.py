from django import forms
from django.core.validators import URLValidator

from coursework.models import Reply
from partnerships.common import limits
from partnerships.common.forms import PlannerForm
from partnerships.models import User

DEFAULT_NORMS = """- Challenge ideas, not people: assume good intent.
- Ask before you advise; a good question is worth more than an answer.
- What is shared here stays here.
- Everyone gets heard: reply to at least one post each week.
- Keep students, colleagues and schools anonymous."""

BODY_HELP = (
    "Light formatting: **bold**, *italic*, lines starting with “- ” for a list, “> ” for a quote, "
    "and [text](https://…) for a link. Anything else shows as plain text."
)

http_only = URLValidator(schemes=["http", "https"], message="Enter a web address starting with http:// or https://.")


class TeacherChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.get_full_name() or obj.email}{f' — {obj.school}' if obj.school else ''}"


class CollaborativeForm(PlannerForm, forms.Form):
    text_limits = {"norms": limits.SHORT_ANSWER}

    name = forms.CharField(max_length=120, help_text="For example: “Middle school librarians”.")
    norms = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        initial=DEFAULT_NORMS,
        help_text="Shown at the top of the collaborative. Every member agrees to them when joining.",
    )
    members = TeacherChoiceField(
        queryset=User.objects.none(), required=False, widget=forms.CheckboxSelectMultiple, label="Teachers"
    )

    def __init__(self, *args, cohort, exclude_user=None, as_instructor=False, **kwargs):
        super().__init__(*args, **kwargs)
        teachers = User.objects.filter(enrollments__cohort=cohort).order_by("last_name", "first_name", "email")
        if exclude_user is not None:
            teachers = teachers.exclude(pk=exclude_user.pk)
        self.fields["members"].queryset = teachers
        if as_instructor:
            self.fields["members"].label = "Teachers to assign"
            self.fields["members"].help_text = "They join straight away and agree to the norms when they first open it."
        else:
            self.fields["members"].label = "Cohort peers to invite"
            self.fields["members"].help_text = "Each receives an invitation on their home page."


class InviteForm(PlannerForm, forms.Form):
    people = TeacherChoiceField(queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple, label="Cohort peers")

    def __init__(self, *args, collaborative, **kwargs):
        super().__init__(*args, **kwargs)
        members = collaborative.memberships.values("user_id")
        pending = collaborative.invitations.pending().values("invitee_id")
        self.fields["people"].queryset = (
            User.objects.filter(enrollments__cohort_id=collaborative.cohort_id)
            .exclude(pk__in=members)
            .exclude(pk__in=pending)
            .order_by("last_name", "first_name", "email")
        )


class AgreeForm(PlannerForm, forms.Form):
    agree = forms.BooleanField(
        label="I have read these norms and agree to work by them.",
        error_messages={"required": "Tick the box to agree to the norms; you can post once you have."},
    )


class PostForm(PlannerForm, forms.Form):
    body = forms.CharField(
        label="Your reflection",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=limits.NOTES,
        help_text=BODY_HELP,
        error_messages={"required": "Write something before posting."},
    )
    link_url = forms.CharField(
        label="Link (optional)",
        max_length=limits.URL,
        required=False,
        validators=[http_only],
        help_text="For example a video reflection hosted elsewhere.",
        widget=forms.URLInput,
    )
    share = forms.ChoiceField(
        label="Share a piece of your stage work (optional)",
        required=False,
        help_text="A read-only copy is added to your post; later changes to your work don’t change it.",
    )

    def __init__(self, *args, shareables=(), **kwargs):
        super().__init__(*args, **kwargs)
        if shareables:
            self.fields["share"].choices = [("", "Nothing to share")] + [
                (item.choice_value, f"{item.kind_label}: {item.title}") for item in shareables
            ]
        else:
            del self.fields["share"]

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError("Write something before posting.")
        return body


class PostEditForm(PostForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("share", None)


class ReplyForm(PlannerForm, forms.Form):
    body = forms.CharField(
        label="Your reply",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=limits.EVIDENCE,
        help_text=BODY_HELP,
        error_messages={"required": "Write something before replying."},
    )
    tag = forms.ChoiceField(
        label="What kind of reply is it?",
        choices=[("", "No tag")] + list(Reply.Tag.choices),
        required=False,
        widget=forms.RadioSelect,
    )

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError("Write something before replying.")
        return body


class ReportForm(PlannerForm, forms.Form):
    reason = forms.CharField(
        label="What is the problem?",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=limits.SHORT_ANSWER,
        help_text="Only the cohort’s instructors see this.",
        error_messages={"required": "Say briefly what the problem is, so the instructor can help."},
    )


class PromptForm(PlannerForm, forms.Form):
    prompt = forms.CharField(
        label="Prompt of the week",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=limits.SHORT_ANSWER,
        required=False,
        help_text="Leave it empty to remove the prompt.",
    )
