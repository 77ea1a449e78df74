/* ferry-done-page.c: after the move: what happened, and what to watch
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-done-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-done-page.h"

struct _FerryDonePage
{
  AdwBin         parent_instance;

  FerryMove     *move;  /* owned */

  /* Template widgets */
  AdwStatusPage *status_page;
  AdwActionRow  *moved_row;
  AdwActionRow  *backup_row;
  AdwActionRow  *transfer_row;
};

G_DEFINE_FINAL_TYPE (FerryDonePage, ferry_done_page, ADW_TYPE_BIN)

/* A stage's row: its detail as last checked, or hidden when this move has no such stage. */
static void
show_stage (AdwActionRow   *row,
            FerryMove      *move,
            FerryMoveStage  stage)
{
  gboolean has = move != NULL && ferry_move_has_stage (move, stage);

  gtk_widget_set_visible (GTK_WIDGET (row), has);
  if (has)
    adw_action_row_set_subtitle (row, ferry_move_get_detail (move, stage));
}

static void
update (FerryDonePage *self)
{
  g_autofree char *moved = NULL;
  g_autofree char *description = NULL;

  if (self->move != NULL)
    {
      const char *origin = ferry_move_get_origin_handle (self->move);
      const char *target = ferry_move_get_target_handle (self->move);

      /* Translators: the two are account addresses (name@server). */
      moved = g_strdup_printf (_("From %s to %s"), origin, target);
      /* Translators: the address is the account moved to (name@server). */
      description = g_strdup_printf (_("You are now %s. Your followers are on their way."),
                                     target);
    }
  adw_action_row_set_subtitle (self->moved_row, moved != NULL ? moved : "");
  adw_status_page_set_description (self->status_page, description);
  show_stage (self->backup_row, self->move, FERRY_MOVE_STAGE_BACKUP);
  show_stage (self->transfer_row, self->move, FERRY_MOVE_STAGE_TRANSFER);
}

static void
ferry_done_page_dispose (GObject *object)
{
  FerryDonePage *self = FERRY_DONE_PAGE (object);

  if (self->move != NULL)
    g_signal_handlers_disconnect_by_data (self->move, self);
  g_clear_object (&self->move);

  G_OBJECT_CLASS (ferry_done_page_parent_class)->dispose (object);
}

static void
ferry_done_page_class_init (FerryDonePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ferry_done_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/ferry-done-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FerryDonePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, FerryDonePage, moved_row);
  gtk_widget_class_bind_template_child (widget_class, FerryDonePage, backup_row);
  gtk_widget_class_bind_template_child (widget_class, FerryDonePage, transfer_row);
}

static void
ferry_done_page_init (FerryDonePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

/**
 * ferry_done_page_set_move:
 * @move: (nullable): the move to tell of, followed as it changes
 */
void
ferry_done_page_set_move (FerryDonePage *self,
                          FerryMove     *move)
{
  g_return_if_fail (FERRY_IS_DONE_PAGE (self));
  g_return_if_fail (move == NULL || FERRY_IS_MOVE (move));

  if (self->move == move)
    return;
  if (self->move != NULL)
    g_signal_handlers_disconnect_by_data (self->move, self);
  g_set_object (&self->move, move);
  if (move != NULL)
    g_signal_connect_swapped (move, "changed", G_CALLBACK (update), self);
  update (self);
}
