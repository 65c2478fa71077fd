"""Which plan a list shows: the one the reader picked (?plan=<slug>), else the current plan.

Plans follow one another (2564–2565, then 2566–2570, ...). Dashboards and exports show one plan at a
time, the current one by default, with the others a click away (templates/includes/plan_picker.html).
"""

from dataclasses import dataclass

from .models import PlanPage
from .models.plan import current_plan, live_plans, plan_of

__all__ = ["PlanChoice", "chosen_plan", "live_plans", "plan_of"]


@dataclass
class PlanChoice:
    plan: PlanPage | None
    plans: list  # every live plan, newest first
    current: PlanPage | None

    @property
    def is_current(self):
        return self.plan == self.current

    @property
    def param(self):
        """What keeps this choice in a link's query: "plan=<slug>&" (nothing for the current plan)."""
        return "" if self.is_current or self.plan is None else f"plan={self.plan.slug}&"


def chosen_plan(request):
    plans = live_plans()
    current = current_plan(plans)
    picked = request.GET.get("plan", "").strip()
    plan = next((plan for plan in plans if plan.slug == picked), current)
    return PlanChoice(plan=plan, plans=plans, current=current)
