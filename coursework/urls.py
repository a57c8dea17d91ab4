from coursework.autosave import urls as autosave_urls
from coursework.collaboratives import urls as collaboratives_urls
from coursework.courses import urls as courses_urls
from coursework.dashboard import urls as dashboard_urls
from coursework.evaluation import urls as evaluation_urls
from coursework.feedback import urls as feedback_urls
from coursework.portfolio import urls as portfolio_urls
from coursework.reflections import urls as reflections_urls
from coursework.research import urls as research_urls
from coursework.selfassessment import urls as selfassessment_urls
from coursework.stages import urls as stages_urls

app_name = "coursework"

# Each domain keeps its routes in its own urls.py; they share the "coursework" namespace.
# The stage page's catch-all slug route comes last, after every more specific route.
urlpatterns = (
    courses_urls.urlpatterns
    + dashboard_urls.urlpatterns
    + evaluation_urls.urlpatterns
    + feedback_urls.urlpatterns
    + portfolio_urls.urlpatterns
    + selfassessment_urls.urlpatterns
    + autosave_urls.urlpatterns
    + research_urls.urlpatterns
    + reflections_urls.urlpatterns
    + collaboratives_urls.urlpatterns
    + stages_urls.urlpatterns
)
