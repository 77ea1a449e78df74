/* ferry-move-next.c: the top of the Move page: where the move stands, and its one next action
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One line saying what is true now and what comes next, the words of the web page Ferry
 * waits for, and one button: the first unfinished step's action, or Stop Waiting while the
 * server is watched. The page's rows below show the same steps in detail.
 */

#define G_LOG_DOMAIN "ferry-move-next"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-move-next.h"

struct _FerryMoveNext
{
  GtkBox     parent_instance;

  /* Template widgets */
  GtkLabel  *status_label;
  GtkLabel  *detail_label;
  GtkButton *action_button;
  GtkButton *stop_button;
};

G_DEFINE_FINAL_TYPE (FerryMoveNext, ferry_move_next, GTK_TYPE_BOX)

/* The first step neither done nor passed, or %FERRY_MOVE_N_STAGES when all are. */
static FerryMoveStage
current_stage (FerryMove       *move,
               FerryMoveStatus *status)
{
  for (FerryMoveStage stage = 0; stage < FERRY_MOVE_N_STAGES; stage++)
    {
      if (!ferry_move_has_stage (move, stage))
        continue;
      *status = ferry_move_get_status (move, stage);
      if (*status != FERRY_MOVE_STATUS_DONE && *status != FERRY_MOVE_STATUS_WARNING)
        return stage;
    }
  *status = FERRY_MOVE_STATUS_DONE;
  return FERRY_MOVE_N_STAGES;
}

static gboolean
can_unlock (FerryMove *move)
{
  GPtrArray *checks = ferry_move_get_checks (move);

  for (guint i = 0; i < checks->len; i++)
    if (((FerryMoveCheck *) g_ptr_array_index (checks, i))->fix == FERRY_MOVE_FIX_UNLOCK)
      return TRUE;
  return FALSE;
}

static char *
waiting_line (FerryMoveStage stage)
{
  switch (stage)
    {
    case FERRY_MOVE_STAGE_REDIRECT:
      return g_strdup (_("Waiting for the server to show the redirect cancelled…"));
    case FERRY_MOVE_STAGE_ALIAS:
      return g_strdup (_("Waiting for the server to show the alias…"));
    case FERRY_MOVE_STAGE_MOVE:
      return g_strdup (_("Waiting for the server to show the move…"));
    case FERRY_MOVE_STAGE_CHECKS:
    case FERRY_MOVE_STAGE_BACKUP:
    case FERRY_MOVE_STAGE_TRANSFER:
    case FERRY_MOVE_STAGE_WATCH:
    case FERRY_MOVE_N_STAGES:
    default:
      return g_strdup (_("Waiting for the server…"));
    }
}

/* The line for a step that can be done now, with its button's @label and @action. */
static char *
ready_line (FerryMove       *move,
            FerryMoveStage   stage,
            const char     **label,
            const char     **action)
{
  g_autoptr(FerryMoveHandoff) handoff = ferry_move_get_handoff (move, stage);
  const char *origin = ferry_move_get_origin_handle (move);
  const char *target = ferry_move_get_target_handle (move);

  switch (stage)
    {
    case FERRY_MOVE_STAGE_BACKUP:
      *label = _("_Back Up");
      *action = "win.show-backup";
      return g_strdup_printf (_("Next: back up %s, so that nothing is lost."), origin);
    case FERRY_MOVE_STAGE_TRANSFER:
      *label = _("_Transfer");
      *action = "win.show-transfer";
      return g_strdup_printf (_("Next: copy what the backup holds to %s."), target);
    case FERRY_MOVE_STAGE_REDIRECT:
      *label = _("_Open the Page");
      *action = "page.redirect";
      return g_strdup_printf (_("Next: cancel the redirect, so that %s can take its "
                                "followers back."), target);
    case FERRY_MOVE_STAGE_ALIAS:
      *label = handoff ? _("_Open the Page") : _("_Add Alias");
      *action = "page.alias";
      /* Translators: the new account, then the old one */
      return g_strdup_printf (_("Next: tell %s that %s may move to it."), target, origin);
    case FERRY_MOVE_STAGE_MOVE:
      *label = handoff ? _("_Open the Page") : _("_Move…");
      *action = "page.move";
      return g_strdup_printf (_("Next: move %s to %s. Its followers will be asked to "
                                "follow the new account."), origin, target);
    case FERRY_MOVE_STAGE_CHECKS:
    case FERRY_MOVE_STAGE_WATCH:
    case FERRY_MOVE_N_STAGES:
    default:
      *label = _("Show _Followers");
      *action = "win.show-followers";
      return g_strdup_printf (_("The move is done. Its followers are on their way to %s."),
                              target);
    }
}

/**
 * ferry_move_next_show:
 * @instruction: (nullable): the web page's one sentence, while Ferry waits for it
 *
 * Shows where @move stands.
 *
 * Returns: (nullable): the action of the button shown, which the rows below need not repeat
 */
const char *
ferry_move_next_show (FerryMoveNext *self,
                      FerryMove     *move,
                      const char    *instruction)
{
  FerryMoveStatus status;
  FerryMoveStage stage = current_stage (move, &status);
  const char *label = NULL;
  const char *action = NULL;
  const char *detail = NULL;
  g_autofree char *line = NULL;

  g_return_val_if_fail (FERRY_IS_MOVE_NEXT (self), NULL);

  if (stage == FERRY_MOVE_STAGE_CHECKS && status == FERRY_MOVE_STATUS_PENDING)
    line = g_strdup (_("Checking both accounts…"));
  else if (stage == FERRY_MOVE_STAGE_CHECKS)
    {
      line = g_strdup (_("Something stops the move: the checks below say what to put right."));
      if (can_unlock (move))
        {
          label = _("_Unlock");
          action = "page.unlock";
        }
    }
  else if (status == FERRY_MOVE_STATUS_WAITING)
    {
      line = waiting_line (stage);
      detail = instruction != NULL
                 ? instruction
                 : _("Ferry looks again every few seconds; this changes by itself.");
    }
  else if (status == FERRY_MOVE_STATUS_UNSURE && stage == FERRY_MOVE_STAGE_ALIAS)
    {
      line = g_strdup (_("The server does not show its aliases: once the alias is set on its "
                         "page, say so here."));
      label = _("It Is _Done");
      action = "page.confirm-alias";
    }
  else if (status == FERRY_MOVE_STATUS_READY || stage == FERRY_MOVE_STAGE_WATCH ||
           stage == FERRY_MOVE_N_STAGES)
    line = ready_line (move, stage, &label, &action);
  else
    /* Translators: the title of a step of the move */
    line = g_strdup_printf (_("“%s” needs attention: its row below says why."),
                            ferry_move_stage_title (stage));

  gtk_label_set_label (self->status_label, line);
  gtk_label_set_label (self->detail_label, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->stop_button), status == FERRY_MOVE_STATUS_WAITING);
  gtk_widget_set_visible (GTK_WIDGET (self->action_button), action != NULL);
  if (action != NULL)
    {
      gtk_button_set_label (self->action_button, label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->action_button), action);
    }
  return status == FERRY_MOVE_STATUS_WAITING ? "page.stop-waiting" : action;
}

static void
ferry_move_next_class_init (FerryMoveNextClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ferryapp/Ferry/ui/ferry-move-next.ui");
  gtk_widget_class_bind_template_child (widget_class, FerryMoveNext, status_label);
  gtk_widget_class_bind_template_child (widget_class, FerryMoveNext, detail_label);
  gtk_widget_class_bind_template_child (widget_class, FerryMoveNext, action_button);
  gtk_widget_class_bind_template_child (widget_class, FerryMoveNext, stop_button);
}

static void
ferry_move_next_init (FerryMoveNext *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
