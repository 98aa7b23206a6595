from . import crm_profiling_activity_plan
