import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

const LINES = ".o_field_widget[name=profiling_line_ids]";
const EDITED_LINE = `${LINES} .o_data_row.o_selected_row`;

registry.category("web_tour.tours").add("crm_profilazione_partner_profiling_tour", {
    url: "/odoo/contacts",
    steps: () => [
        {
            content: "Show the contacts as a list",
            trigger: ".o_control_panel .o_switch_view.o_list",
            run: "click",
        },
        {
            content: "The partner without the searched value is listed before searching",
            trigger:
                ".o_list_view .o_data_row .o_data_cell[name=complete_name]:text(Other Tour Partner)",
        },
        {
            content: "Open the partner to profile",
            trigger:
                ".o_list_view .o_data_row .o_data_cell[name=complete_name]:text(Profiling Tour Partner)",
            run: "click",
        },
        {
            content: "Open the Profiling tab",
            trigger: ".o_form_view .o_notebook_headers a[name=profiling]",
            run: "click",
        },
        {
            content: "Add a profile",
            trigger: `${LINES} .o_field_x2many_list_row_add a`,
            run: "click",
        },
        {
            content: "Look for the characteristic",
            trigger: `${EDITED_LINE} .o_field_widget[name=profiling_id] input`,
            run: "edit Tour company size",
        },
        {
            content: "Choose the characteristic",
            trigger: ".o-autocomplete--dropdown-item a:text('[TOUR_SIZE] Tour company size')",
            run: "click",
        },
        {
            content: "The characteristic is set on the line",
            trigger: `${EDITED_LINE} .o_field_widget[name=profiling_id] input:value('[TOUR_SIZE] Tour company size')`,
        },
        {
            content: "Look for the value",
            trigger: `${EDITED_LINE} .o_field_widget[name=value_ids] input`,
            run: "edit Large",
        },
        {
            content: "Choose the value",
            trigger: ".o-autocomplete--dropdown-item a:text(Large)",
            run: "click",
        },
        {
            content: "The value is shown as a tag",
            trigger: `${EDITED_LINE} .o_field_widget[name=value_ids] .o_tag:contains(Large)`,
        },
        ...stepUtils.saveForm(),
        {
            content: "The saved profile shows the characteristic and the value",
            trigger: `${LINES} .o_data_row:has(.o_data_cell[name=profiling_id]:contains(Tour company size)) .o_data_cell[name=value_ids]:contains(Large)`,
        },
        {
            content: "Go back to the contact list",
            trigger: ".o_breadcrumb .breadcrumb-item.o_back_button a",
            run: "click",
        },
        {
            content: "Type the value in the search bar",
            trigger: ".o_list_view .o_searchview_input",
            run: "edit Large",
        },
        {
            content: "Search the contacts by profiling value",
            trigger:
                ".o_searchview_autocomplete .o-dropdown-item:text(Search Profiling Value for: Large)",
            run: "click",
        },
        {
            content: "The search is applied",
            trigger: ".o_searchview_facet:contains(Profiling Value):contains(Large)",
        },
        {
            content: "Only the partner profiled Large is listed",
            trigger:
                ".o_list_view:not(:has(.o_data_cell:text(Other Tour Partner))) .o_data_row .o_data_cell[name=complete_name]:text(Profiling Tour Partner)",
        },
    ],
});
