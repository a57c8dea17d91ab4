from django import forms

from coursework.courses.roster import MAX_ROSTER_BYTES


class CohortInvitationForm(forms.Form):
    email = forms.EmailField(label="Teacher’s email address")
    first_name = forms.CharField(max_length=150, required=False)
    last_name = forms.CharField(max_length=150, required=False)


class RosterUploadForm(forms.Form):
    roster = forms.FileField(
        label="Roster file (CSV)",
        help_text="One teacher per row: email, first name, last name. A header row is optional.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_roster(self):
        upload = self.cleaned_data["roster"]
        name = (upload.name or "").lower()
        if not name.endswith((".csv", ".txt")):
            raise forms.ValidationError("Please upload a .csv file (in a spreadsheet: File → Save as → CSV).")
        if upload.size > MAX_ROSTER_BYTES:
            raise forms.ValidationError(
                f"The file is larger than {MAX_ROSTER_BYTES // 1024} KB; split the roster into smaller files."
            )
        return upload
