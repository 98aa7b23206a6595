{
    "name": "CRM Profiling (Profilazione)",
    "version": "19.0.1.0.0",
    "summary": "Classify partners by configurable characteristics and values",
    "author": "crm_profilazione contributors",
    "website": "https://github.com/crm-profilazione/crm_profilazione",
    "license": "LGPL-3",
    "category": "Sales/CRM",
    "depends": ["crm", "contacts"],
    "data": [
        "security/crm_profilazione_groups.xml",
        "security/ir.model.access.csv",
        "security/crm_profilazione_rules.xml",
        "data/crm_profiling_data.xml",
        "views/crm_profiling_type_views.xml",
        "views/crm_profiling_family_views.xml",
        "views/crm_profiling_value_views.xml",
        "views/crm_profiling_views.xml",
        "views/crm_profiling_line_views.xml",
        "views/res_partner_views.xml",
        "views/crm_profilazione_menus.xml",
    ],
    "demo": [
        "demo/crm_profiling_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "crm_profilazione/static/tests/tours/*.js",
        ],
    },
    "installable": True,
    "application": False,
}
