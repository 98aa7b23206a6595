from . import crm_profiling_selection_mixin
from . import crm_profiling_activity_plan
from . import crm_profiling_bulk_assign
