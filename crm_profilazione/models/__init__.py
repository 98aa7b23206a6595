from . import crm_profiling_taxonomy_mixin
from . import crm_profiling_type
from . import crm_profiling_family
from . import crm_profiling_value
from . import crm_profiling
from . import crm_profiling_line
from . import res_partner
