from . import (
    test_access,
    test_partner_search,
    test_profiling_constraints,
    test_seed_data,
)
