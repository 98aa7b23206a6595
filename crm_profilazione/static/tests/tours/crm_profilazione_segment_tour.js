import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

const RULES = ".o_field_widget[name=rule_ids]";
const EDITED_RULE = `${RULES} .o_data_row.o_selected_row`;
const WIZARD = ".modal:not(.o_inactive_modal) .o_form_view";
const WIZARD_FOOTER = ".modal:not(.o_inactive_modal) .modal-footer";

registry.category("web_tour.tours").add("crm_profilazione_segment_activity_tour", {
    url: "/odoo/profiling-segments",
    steps: () => [
        {
            content: "Create a segment",
            trigger: ".o_list_view .o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "Name the segment",
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: "edit Tour big spenders",
        },
        {
            content: "Add a rule",
            trigger: `${RULES} .o_field_x2many_list_row_add a`,
            run: "click",
        },
        {
            content: "Look for the characteristic",
            trigger: `${EDITED_RULE} .o_field_widget[name=profiling_id] input`,
            run: "edit Tour order amount",
        },
        {
            content: "Choose the characteristic",
            trigger:
                ".o-autocomplete--dropdown-item a:text('[TOUR_AMOUNT] Tour order amount')",
            run: "click",
        },
        {
            content: "The characteristic is set on the rule",
            trigger: `${EDITED_RULE} .o_field_widget[name=profiling_id] input:value('[TOUR_AMOUNT] Tour order amount')`,
        },
        {
            content: "Open the operators",
            trigger: `${EDITED_RULE} .o_field_widget[name=operator] .o_select_menu_toggler`,
            run: "click",
        },
        {
            content: "Compare with 'greater than or equal to'",
            trigger: ".o_select_menu_menu .o_select_menu_item:text(≥)",
            run: "click",
        },
        {
            content: "The operator is set and the number can be typed",
            trigger: `${EDITED_RULE}:has(.o_field_widget[name=operator] input:value(≥)) .o_field_widget[name=number] input`,
            run: "edit 5000",
        },
        ...stepUtils.saveForm(),
        {
            content: "The saved rule compares the characteristic with 5000",
            trigger: `${RULES} .o_data_row:has(.o_data_cell[name=profiling_id]:contains(Tour order amount)):has(.o_data_cell[name=operator]:text(≥)) .o_data_cell[name=number]:text(5,000.00)`,
        },
        {
            content: "One partner matches the segment",
            trigger:
                ".o-form-buttonbox button[name=action_open_partners]:has(.o_stat_text:text(Partners)) .o_stat_value:text(1)",
        },
        {
            content: "Plan activities for the segment",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_plan_activities]",
            run: "click",
        },
        {
            content: "The wizard targets the segment",
            trigger: `${WIZARD} .o_field_widget[name=segment_id] input:value(Tour big spenders)`,
        },
        {
            content: "The wizard counts the partner of the segment",
            trigger: `${WIZARD} .o_field_widget[name=partner_count]:text(1)`,
        },
        {
            content: "Type the summary",
            trigger: `${WIZARD} .o_field_widget[name=summary] input`,
            run: "edit Tour call",
        },
        {
            content: "Assign the activities to a chosen user",
            trigger: `${WIZARD} .o_field_widget[name=responsible_mode] .o_radio_item:has(label:text(A chosen user)) input`,
            run: "click",
        },
        {
            content: "The current user is proposed as the responsible",
            trigger: `${WIZARD}:has(.o_field_widget[name=responsible_mode] input[data-value=user]:checked) .o_field_widget[name=user_id] input:value(/./)`,
        },
        {
            content: "Plan the activities",
            trigger: `${WIZARD_FOOTER} button[name=action_plan]:enabled`,
            run: "click",
        },
        {
            content: "The wizard reports the planned activity",
            trigger: `${WIZARD} p:contains(Activities planned:) .o_field_widget[name=created_count]:contains(1)`,
        },
        {
            content: "Close the wizard",
            trigger: `${WIZARD_FOOTER} button:enabled:text(Close)`,
            run: "click",
        },
        {
            content: "The wizard is closed",
            trigger: "body:not(:has(.modal)) .o_form_view .o_field_widget[name=name]",
        },
        stepUtils.goToUrl("/odoo/action-mail.mail_activity_action"),
        {
            content: "The activity of the partner outside the segment is listed before searching",
            trigger:
                ".o_list_view .o_data_row:has(.o_data_cell[name=res_name]:text(Tour Small Spender)) .o_data_cell[name=summary]:text(Tour call)",
        },
        {
            content: "Type the segment in the search bar",
            trigger: ".o_list_view .o_searchview_input",
            run: "edit Tour big spenders",
        },
        {
            content: "Search the activities by partner segment",
            trigger:
                ".o_searchview_autocomplete .o-dropdown-item:text(Search Partner Segment for: Tour big spenders)",
            run: "click",
        },
        {
            content: "The search is applied",
            trigger: ".o_searchview_facet:contains(Partner Segment):contains(Tour big spenders)",
        },
        {
            content: "Only the activity of the segment's partner is listed",
            trigger:
                ".o_list_view:not(:has(.o_data_cell[name=res_name]:text(Tour Small Spender))) .o_data_row:has(.o_data_cell[name=res_name]:text(Tour Big Spender)) .o_data_cell[name=summary]:text(Tour call)",
        },
    ],
});
