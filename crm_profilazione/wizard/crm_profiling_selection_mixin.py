from odoo import api, models


class CrmProfilingSelectionMixin(models.AbstractModel):
    """Read the records a list action was started on, however many.

    The web client sends at most ``web.active_ids_limit`` ids (20,000 by
    default) when "select all" is used; the search domain then stands for
    the whole selection, so wizards are never capped.
    """

    _name = "crm.profiling.selection.mixin"
    _description = "Profiling Wizard Selection Mixin"

    @api.model
    def _get_context_selection(self, allowed_models):
        """Return (model, ids, domain) of the selection, or (None, [], None).

        ``domain`` is set, and ``ids`` to be ignored, when the selection is
        larger than what the web client sends as ids.
        """
        context = self.env.context
        model = context.get("active_model")
        ids = context.get("active_ids") or []
        if model not in allowed_models or not ids:
            return None, [], None
        limit = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("web.active_ids_limit", 20000)
        )
        domain = context.get("active_domain")
        if len(ids) >= limit and domain is not None:
            return model, ids, domain
        return model, ids, None
