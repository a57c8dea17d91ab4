
import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import partnerships.common.validators
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('partnerships', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Course',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=200)),
                ('slug', models.SlugField(unique=True)),
                ('description', models.TextField(blank=True)),
            ],
            options={
                'ordering': ['title'],
            },
        ),
        migrations.CreateModel(
            name='Framework',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=200, unique=True)),
                ('description', models.TextField(blank=True)),
                ('is_default', models.BooleanField(default=False, help_text='Used by every cohort that has not chosen another framework.')),
            ],
            options={
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='Cohort',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=200)),
                ('term', models.CharField(blank=True, max_length=100)),
                ('starts_on', models.DateField(blank=True, null=True)),
                ('ends_on', models.DateField(blank=True, null=True)),
                ('is_open', models.BooleanField(default=True, verbose_name='open')),
                ('anonymous_evaluations', models.BooleanField(default=True)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('instructors', models.ManyToManyField(blank=True, related_name='taught_cohorts', to=settings.AUTH_USER_MODEL)),
                ('course', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='cohorts', to='coursework.course')),
            ],
            options={
                'ordering': ['-starts_on', 'name'],
            },
        ),
        migrations.CreateModel(
            name='CohortInvitation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('email', models.EmailField(max_length=254)),
                ('token_hash', models.CharField(editable=False, max_length=64, unique=True)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('expires_at', models.DateTimeField()),
                ('last_sent_at', models.DateTimeField(blank=True, null=True)),
                ('send_count', models.PositiveIntegerField(default=0)),
                ('accepted_at', models.DateTimeField(blank=True, null=True)),
                ('revoked_at', models.DateTimeField(blank=True, null=True)),
                ('first_name', models.CharField(blank=True, max_length=150)),
                ('last_name', models.CharField(blank=True, max_length=150)),
                ('accepted_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('cohort', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='invitations', to='coursework.cohort')),
                ('invited_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-created_at'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='Collaborative',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=120)),
                ('norms', models.TextField(help_text='How this group works together. Every member agrees to them on joining.')),
                ('prompt', models.TextField(blank=True, verbose_name='prompt of the week')),
                ('prompt_set_at', models.DateTimeField(blank=True, null=True)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('cohort', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='collaboratives', to='coursework.cohort')),
                ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['cohort', 'name'],
            },
        ),
        migrations.CreateModel(
            name='Enrollment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('joined_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('last_activity_at', models.DateTimeField(blank=True, null=True)),
                ('cohort', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='enrollments', to='coursework.cohort')),
                ('partnership', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='enrollments', to='partnerships.partnership')),
                ('teacher', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='enrollments', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['cohort', 'teacher__last_name', 'teacher__first_name'],
            },
        ),
        migrations.CreateModel(
            name='CourseEvaluation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('clarity', models.PositiveSmallIntegerField(choices=[(1, 'Strongly disagree'), (2, 'Disagree'), (3, 'Neither agree nor disagree'), (4, 'Agree'), (5, 'Strongly agree')], validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)], verbose_name='Each stage made clear what it asked of me and what good work looks like.')),
                ('relevance', models.PositiveSmallIntegerField(choices=[(1, 'Strongly disagree'), (2, 'Disagree'), (3, 'Neither agree nor disagree'), (4, 'Agree'), (5, 'Strongly agree')], validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)], verbose_name='The work was relevant to my school, my students and my role.')),
                ('partnership', models.PositiveSmallIntegerField(choices=[(1, 'Strongly disagree'), (2, 'Disagree'), (3, 'Neither agree nor disagree'), (4, 'Agree'), (5, 'Strongly agree')], validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)], verbose_name='The course helped me start a real working partnership with my administrator.')),
                ('feedback', models.PositiveSmallIntegerField(choices=[(1, 'Strongly disagree'), (2, 'Disagree'), (3, 'Neither agree nor disagree'), (4, 'Agree'), (5, 'Strongly agree')], validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)], verbose_name='My instructor’s feedback helped me improve my work.')),
                ('workload', models.PositiveSmallIntegerField(choices=[(1, 'Strongly disagree'), (2, 'Disagree'), (3, 'Neither agree nor disagree'), (4, 'Agree'), (5, 'Strongly agree')], validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)], verbose_name='The workload was manageable alongside my teaching.')),
                ('recommend', models.PositiveSmallIntegerField(choices=[(1, 'Strongly disagree'), (2, 'Disagree'), (3, 'Neither agree nor disagree'), (4, 'Agree'), (5, 'Strongly agree')], validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)], verbose_name='I would recommend this course to a colleague.')),
                ('comment_worked', models.TextField(blank=True, verbose_name='What worked well for you in this course?')),
                ('comment_change', models.TextField(blank=True, verbose_name='What should we change for the next cohort?')),
                ('submitted_at', models.DateTimeField()),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('enrollment', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='evaluation', to='coursework.enrollment')),
            ],
            options={
                'ordering': ['id'],
            },
        ),
        migrations.CreateModel(
            name='Feedback',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('stage', models.CharField(choices=[('mindsets', 'Mindsets'), ('self-reflection', 'Self-reflection'), ('research', 'Research'), ('first-meeting', 'First meeting'), ('focus-areas', 'Focus areas'), ('second-meeting', 'Second meeting'), ('action-plan', 'Action plan'), ('final-reflection', 'Final reflection')], max_length=30)),
                ('text', models.TextField()),
                ('decision', models.CharField(blank=True, choices=[('', 'Comment'), ('complete', 'Marked complete'), ('needs_revision', 'Returned for revision')], default='', max_length=20)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='feedback_given', to=settings.AUTH_USER_MODEL)),
                ('enrollment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='feedback', to='coursework.enrollment')),
            ],
            options={
                'ordering': ['created_at', 'id'],
            },
        ),
        migrations.CreateModel(
            name='Domain',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('position', models.PositiveSmallIntegerField()),
                ('name', models.CharField(max_length=200)),
                ('framework', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='domains', to='coursework.framework')),
            ],
            options={
                'ordering': ['framework', 'position'],
            },
        ),
        migrations.CreateModel(
            name='CohortFramework',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('cohort', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='framework_setting', to='coursework.cohort')),
                ('framework', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='cohort_settings', to='coursework.framework')),
            ],
        ),
        migrations.CreateModel(
            name='HistoricalResearchSource',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('title', models.CharField(max_length=300)),
                ('kind', models.CharField(choices=[('strategic_plan', 'Strategic plan'), ('board_minutes', 'Board minutes'), ('newsletter', 'Newsletter'), ('website', 'Website'), ('data_report', 'Data report'), ('other', 'Other')], max_length=20)),
                ('url', models.URLField(blank=True, max_length=500, validators=[partnerships.common.validators.validate_web_url], verbose_name='web address')),
                ('published_on', models.DateField(blank=True, null=True, verbose_name='date')),
                ('notes', models.TextField(blank=True)),
                ('created_at', models.DateTimeField(blank=True, editable=False)),
                ('updated_at', models.DateTimeField(blank=True, editable=False)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('enrollment', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='coursework.enrollment')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical research source',
                'verbose_name_plural': 'historical research sources',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Post',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('body', models.TextField(help_text='Stored as typed; rendered through coursework.sanitize.')),
                ('link_url', models.URLField(blank=True, max_length=500, validators=[django.core.validators.URLValidator(schemes=['http', 'https'])], verbose_name='link')),
                ('shared_kind', models.CharField(blank=True, max_length=40)),
                ('shared_title', models.CharField(blank=True, max_length=200)),
                ('shared_text', models.TextField(blank=True)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('edited_at', models.DateTimeField(blank=True, null=True)),
                ('deleted_at', models.DateTimeField(blank=True, null=True)),
                ('author', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='collaborative_posts', to=settings.AUTH_USER_MODEL)),
                ('collaborative', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='posts', to='coursework.collaborative')),
            ],
            options={
                'ordering': ['-created_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='Practice',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('position', models.PositiveSmallIntegerField()),
                ('statement', models.TextField()),
                ('domain', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='practices', to='coursework.domain')),
            ],
            options={
                'ordering': ['domain__position', 'position'],
            },
        ),
        migrations.CreateModel(
            name='Prompt',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('stage', models.CharField(choices=[('mindsets', 'Mindsets'), ('self-reflection', 'Self-reflection'), ('research', 'Research'), ('first-meeting', 'First meeting'), ('focus-areas', 'Focus areas'), ('second-meeting', 'Second meeting'), ('action-plan', 'Action plan'), ('final-reflection', 'Final reflection')], max_length=30)),
                ('position', models.PositiveSmallIntegerField(default=1)),
                ('kind', models.CharField(choices=[('mindset', 'Mindset'), ('own_view', 'Perceptual position — your own view'), ('administrator_view', 'Perceptual position — the administrator’s view'), ('observer_view', 'Perceptual position — an observer’s view'), ('norms', 'Norms'), ('habits', 'Habits of mind'), ('reflection', 'Reflection')], default='reflection', max_length=30)),
                ('text', models.TextField(help_text='The question as teachers see it, e.g. “What norms shape …?”')),
                ('looks_back', models.CharField(blank=True, choices=[('', 'Nothing'), ('mindsets', 'Your stage 1 answers'), ('self_reflection', 'Your strengths and areas for growth'), ('partnership', 'The partnership so far (meetings, decisions, touch points)'), ('plan', 'The chosen focus area and the action plan')], default='', help_text="Earlier work of the teacher's shown next to this question.", max_length=20, verbose_name='shows beside it')),
                ('cohort', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='prompts', to='coursework.cohort')),
            ],
            options={
                'ordering': ['cohort', 'stage', 'position', 'id'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalReflection',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('text', models.TextField(blank=True)),
                ('carry_forward', models.BooleanField(default=False, help_text='Offered later as evidence for focus areas.', verbose_name='insight worth carrying forward')),
                ('version', models.PositiveIntegerField(default=1)),
                ('created_at', models.DateTimeField(blank=True, editable=False)),
                ('updated_at', models.DateTimeField(blank=True, editable=False)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('enrollment', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='coursework.enrollment')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('prompt', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='coursework.prompt')),
            ],
            options={
                'verbose_name': 'historical reflection',
                'verbose_name_plural': 'historical reflections',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='RatingLevel',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('value', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(4)])),
                ('label', models.CharField(max_length=60)),
                ('description', models.TextField(blank=True)),
                ('framework', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='levels', to='coursework.framework')),
            ],
            options={
                'ordering': ['framework', 'value'],
            },
        ),
        migrations.CreateModel(
            name='Reflection',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('text', models.TextField(blank=True)),
                ('carry_forward', models.BooleanField(default=False, help_text='Offered later as evidence for focus areas.', verbose_name='insight worth carrying forward')),
                ('version', models.PositiveIntegerField(default=1)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('enrollment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reflections', to='coursework.enrollment')),
                ('prompt', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='reflections', to='coursework.prompt')),
            ],
            options={
                'ordering': ['enrollment', 'prompt__position', 'prompt_id'],
            },
        ),
        migrations.CreateModel(
            name='Reminder',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('stage', models.CharField(choices=[('mindsets', 'Mindsets'), ('self-reflection', 'Self-reflection'), ('research', 'Research'), ('first-meeting', 'First meeting'), ('focus-areas', 'Focus areas'), ('second-meeting', 'Second meeting'), ('action-plan', 'Action plan'), ('final-reflection', 'Final reflection')], max_length=30)),
                ('sent_at', models.DateTimeField()),
                ('enrollment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reminders', to='coursework.enrollment')),
                ('sent_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='reminders_sent', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-sent_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='ReminderTemplate',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('subject', models.CharField(default='Reminder: {stage} is due {due_date}', max_length=200)),
                ('body', models.TextField(default='Hello {first_name},\n\nThis is a friendly reminder that the stage “{stage}” of {cohort} is due {due_date}.\n\nYou can pick up where you left off here:\n{link}\n\nIf something is getting in the way, reply to this email and tell me — we can find a way together.\n\n{instructor}\n')),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('cohort', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='reminder_template', to='coursework.cohort')),
            ],
        ),
        migrations.CreateModel(
            name='Reply',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('body', models.TextField()),
                ('tag', models.CharField(blank=True, choices=[('challenge', 'Challenge'), ('question', 'Question'), ('idea', 'Idea'), ('support', 'Support')], max_length=20)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('edited_at', models.DateTimeField(blank=True, null=True)),
                ('deleted_at', models.DateTimeField(blank=True, null=True)),
                ('author', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='collaborative_replies', to=settings.AUTH_USER_MODEL)),
                ('post', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='replies', to='coursework.post')),
            ],
            options={
                'verbose_name_plural': 'replies',
                'ordering': ['created_at', 'id'],
            },
        ),
        migrations.CreateModel(
            name='Report',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('reason', models.TextField()),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('handled_at', models.DateTimeField(blank=True, null=True)),
                ('handled_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('post', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reports', to='coursework.post')),
                ('reporter', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['handled_at', '-created_at'],
            },
        ),
        migrations.CreateModel(
            name='ResearchSource',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=300)),
                ('kind', models.CharField(choices=[('strategic_plan', 'Strategic plan'), ('board_minutes', 'Board minutes'), ('newsletter', 'Newsletter'), ('website', 'Website'), ('data_report', 'Data report'), ('other', 'Other')], max_length=20)),
                ('url', models.URLField(blank=True, max_length=500, validators=[partnerships.common.validators.validate_web_url], verbose_name='web address')),
                ('published_on', models.DateField(blank=True, null=True, verbose_name='date')),
                ('notes', models.TextField(blank=True)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('enrollment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='research_sources', to='coursework.enrollment')),
            ],
            options={
                'ordering': ['enrollment', 'created_at', 'id'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalStrategicGoal',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('statement', models.TextField()),
                ('level', models.CharField(choices=[('school', 'School'), ('district', 'District')], max_length=10)),
                ('created_at', models.DateTimeField(blank=True, editable=False)),
                ('updated_at', models.DateTimeField(blank=True, editable=False)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('enrollment', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='coursework.enrollment')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('source', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='coursework.researchsource')),
            ],
            options={
                'verbose_name': 'historical strategic goal',
                'verbose_name_plural': 'historical strategic goals',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='SelfAssessment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('enrollment', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='self_assessment', to='coursework.enrollment')),
                ('framework', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='self_assessments', to='coursework.framework')),
            ],
        ),
        migrations.CreateModel(
            name='Rating',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('evidence', models.TextField(blank=True)),
                ('version', models.PositiveIntegerField(default=0, help_text='Goes up by one on every save (autosave checks it).')),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('practice', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='ratings', to='coursework.practice')),
                ('level', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='coursework.ratinglevel')),
                ('self_assessment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='ratings', to='coursework.selfassessment')),
            ],
            options={
                'ordering': ['practice__domain__position', 'practice__position'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalRating',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('evidence', models.TextField(blank=True)),
                ('version', models.PositiveIntegerField(default=0, help_text='Goes up by one on every save (autosave checks it).')),
                ('updated_at', models.DateTimeField(blank=True, editable=False)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('practice', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='coursework.practice')),
                ('level', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='coursework.ratinglevel')),
                ('self_assessment', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='coursework.selfassessment')),
            ],
            options={
                'verbose_name': 'historical rating',
                'verbose_name_plural': 'historical ratings',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='ChosenPractice',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('strength', 'Strength'), ('growth_area', 'Area for growth')], max_length=20)),
                ('practice', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='coursework.practice')),
                ('self_assessment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='choices', to='coursework.selfassessment')),
            ],
            options={
                'ordering': ['kind', 'practice__domain__position', 'practice__position'],
            },
        ),
        migrations.CreateModel(
            name='StageProgress',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('stage', models.CharField(choices=[('mindsets', 'Mindsets'), ('self-reflection', 'Self-reflection'), ('research', 'Research'), ('first-meeting', 'First meeting'), ('focus-areas', 'Focus areas'), ('second-meeting', 'Second meeting'), ('action-plan', 'Action plan'), ('final-reflection', 'Final reflection')], max_length=30)),
                ('status', models.CharField(choices=[('not_started', 'Not started'), ('in_progress', 'In progress'), ('submitted', 'Submitted'), ('needs_revision', 'Needs revision'), ('complete', 'Complete')], default='not_started', max_length=20)),
                ('started_at', models.DateTimeField(blank=True, null=True)),
                ('submitted_at', models.DateTimeField(blank=True, null=True)),
                ('reviewed_at', models.DateTimeField(blank=True, null=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('enrollment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='progress', to='coursework.enrollment')),
            ],
            options={
                'ordering': ['enrollment', 'id'],
            },
        ),
        migrations.CreateModel(
            name='StrategicGoal',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('statement', models.TextField()),
                ('level', models.CharField(choices=[('school', 'School'), ('district', 'District')], max_length=10)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('enrollment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='strategic_goals', to='coursework.enrollment')),
                ('source', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='goals', to='coursework.researchsource')),
            ],
            options={
                'ordering': ['enrollment', 'level', 'created_at', 'id'],
            },
        ),
        migrations.CreateModel(
            name='CohortStage',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('stage', models.CharField(choices=[('mindsets', 'Mindsets'), ('self-reflection', 'Self-reflection'), ('research', 'Research'), ('first-meeting', 'First meeting'), ('focus-areas', 'Focus areas'), ('second-meeting', 'Second meeting'), ('action-plan', 'Action plan'), ('final-reflection', 'Final reflection')], max_length=30)),
                ('due_on', models.DateField(blank=True, null=True)),
                ('cohort', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='stage_settings', to='coursework.cohort')),
            ],
            options={
                'ordering': ['cohort', 'id'],
                'constraints': [models.UniqueConstraint(fields=('cohort', 'stage'), name='one_setting_per_stage')],
            },
        ),
        migrations.CreateModel(
            name='CollaborativeInvitation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('accepted_at', models.DateTimeField(blank=True, null=True)),
                ('declined_at', models.DateTimeField(blank=True, null=True)),
                ('collaborative', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='invitations', to='coursework.collaborative')),
                ('invited_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('invitee', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='collaborative_invitations', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-created_at'],
                'constraints': [models.UniqueConstraint(condition=models.Q(('accepted_at__isnull', True), ('declined_at__isnull', True)), fields=('collaborative', 'invitee'), name='one_pending_collaborative_invitation')],
            },
        ),
        migrations.CreateModel(
            name='CollaborativeMembership',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('agreed_to_norms_at', models.DateTimeField(blank=True, null=True)),
                ('joined_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('collaborative', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to='coursework.collaborative')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='collaborative_memberships', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['collaborative', 'joined_at'],
                'constraints': [models.UniqueConstraint(fields=('collaborative', 'user'), name='one_membership_per_collaborative')],
            },
        ),
        migrations.AddConstraint(
            model_name='enrollment',
            constraint=models.UniqueConstraint(fields=('cohort', 'teacher'), name='one_enrollment_per_cohort'),
        ),
        migrations.AddIndex(
            model_name='feedback',
            index=models.Index(fields=['enrollment', 'stage'], name='coursework__enrollm_09268e_idx'),
        ),
        migrations.AddConstraint(
            model_name='domain',
            constraint=models.UniqueConstraint(fields=('framework', 'position'), name='one_domain_per_position'),
        ),
        migrations.AddIndex(
            model_name='post',
            index=models.Index(fields=['collaborative', 'deleted_at', 'created_at'], name='coursework__collabo_49fd28_idx'),
        ),
        migrations.AddConstraint(
            model_name='practice',
            constraint=models.UniqueConstraint(fields=('domain', 'position'), name='one_practice_per_position'),
        ),
        migrations.AddIndex(
            model_name='prompt',
            index=models.Index(fields=['cohort', 'stage', 'position'], name='coursework__cohort__1e5b0f_idx'),
        ),
        migrations.AddConstraint(
            model_name='ratinglevel',
            constraint=models.UniqueConstraint(fields=('framework', 'value'), name='one_level_per_value'),
        ),
        migrations.AddConstraint(
            model_name='ratinglevel',
            constraint=models.CheckConstraint(condition=models.Q(('value__gte', 1), ('value__lte', 4)), name='level_value_1_to_4'),
        ),
        migrations.AddConstraint(
            model_name='reflection',
            constraint=models.UniqueConstraint(fields=('enrollment', 'prompt'), name='one_reflection_per_prompt'),
        ),
        migrations.AddIndex(
            model_name='reminder',
            index=models.Index(fields=['enrollment', '-sent_at'], name='coursework__enrollm_e044a3_idx'),
        ),
        migrations.AddIndex(
            model_name='reply',
            index=models.Index(fields=['post', 'deleted_at', 'tag'], name='coursework__post_id_83b816_idx'),
        ),
        migrations.AddConstraint(
            model_name='rating',
            constraint=models.UniqueConstraint(fields=('self_assessment', 'practice'), name='one_rating_per_practice'),
        ),
        migrations.AddConstraint(
            model_name='chosenpractice',
            constraint=models.UniqueConstraint(fields=('self_assessment', 'practice'), name='practice_chosen_once'),
        ),
        migrations.AddIndex(
            model_name='stageprogress',
            index=models.Index(fields=['stage', 'status'], name='coursework__stage_aa883c_idx'),
        ),
        migrations.AddConstraint(
            model_name='stageprogress',
            constraint=models.UniqueConstraint(fields=('enrollment', 'stage'), name='one_progress_per_stage'),
        ),
    ]
