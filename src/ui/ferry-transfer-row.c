/* ferry-transfer-row.c: one part of a transfer under way, as a row of the Transfer page
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row follows its part (a backup category) by itself: its count, its detail and its
 * state, in words and as a state icon. Until the run has read the backup, the plan's total
 * stands in for the part's.
 */

#define G_LOG_DOMAIN "ferry-transfer-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-state-icon.h"
#include "ferry-transfer-row.h"

struct _FerryTransferRow
{
  AdwActionRow         parent_instance;

  FerryBackupCategory *category;   /* owned */
  FerryJob            *job;        /* owned: the run the part belongs to */
  FerryStateIcon      *icon;       /* the suffix */
  gint64               planned;    /* the plan's total, before the run counts */
};

G_DEFINE_FINAL_TYPE (FerryTransferRow, ferry_transfer_row, ADW_TYPE_ACTION_ROW)

/* On the part's notifications, and the job's (paused or not). */
void
ferry_transfer_row_update (FerryTransferRow *self)
{
  gint64 total;
  FerryStepState state;
  g_autofree char *done = NULL;
  g_autofree char *of = NULL;
  g_autofree char *subtitle = NULL;
  const char *detail;

  g_return_if_fail (FERRY_IS_TRANSFER_ROW (self));

  total = ferry_backup_category_get_total (self->category);
  state = ferry_backup_category_get_state (self->category);
  done = g_strdup_printf ("%'" G_GINT64_FORMAT, ferry_backup_category_get_done (self->category));
  detail = ferry_backup_category_get_detail (self->category);
  /* Until the run has read the backup, its part knows no total: the plan's stands in. */
  if (total <= 0 && self->planned > 0)
    {
      total = self->planned;
      state = FERRY_STEP_STATE_PENDING;
    }
  /* Paused, nothing is under way: no spinner says otherwise. */
  if (state == FERRY_STEP_STATE_RUNNING && ferry_job_is_paused (self->job))
    state = FERRY_STEP_STATE_PENDING;
  of = g_strdup_printf ("%'" G_GINT64_FORMAT, total);
  /* Translators: "120 of 1,000", then what is special, if anything */
  subtitle = detail ? g_strdup_printf (_("%s of %s · %s"), done, of, detail)
                    : g_strdup_printf (_("%s of %s"), done, of);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  ferry_state_icon_set_state (self->icon, state);
  gtk_widget_set_visible (GTK_WIDGET (self), total > 0);
}

/* Returns: (transfer none): the run the row's part belongs to */
FerryJob *
ferry_transfer_row_get_job (FerryTransferRow *self)
{
  g_return_val_if_fail (FERRY_IS_TRANSFER_ROW (self), NULL);

  return self->job;
}

/* A row for @category of @job, shown once the plan (@planned) or the run counts it. */
GtkWidget *
ferry_transfer_row_new (FerryBackupCategory *category,
                        FerryJob            *job,
                        gint64               planned)
{
  static const char *signals[] = { "notify::state", "notify::detail", "notify::done",
                                   "notify::total" };
  FerryTransferRow *self;

  g_return_val_if_fail (FERRY_IS_BACKUP_CATEGORY (category), NULL);
  g_return_val_if_fail (FERRY_IS_JOB (job), NULL);

  self = g_object_new (FERRY_TYPE_TRANSFER_ROW, NULL);
  self->category = g_object_ref (category);
  self->job = g_object_ref (job);
  self->planned = MAX (planned, 0);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 ferry_backup_category_get_title (category));
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    g_signal_connect_object (category, signals[i], G_CALLBACK (ferry_transfer_row_update), self,
                             G_CONNECT_SWAPPED);
  ferry_transfer_row_update (self);
  return GTK_WIDGET (self);
}

static void
ferry_transfer_row_dispose (GObject *object)
{
  FerryTransferRow *self = FERRY_TRANSFER_ROW (object);

  g_clear_object (&self->category);
  g_clear_object (&self->job);

  G_OBJECT_CLASS (ferry_transfer_row_parent_class)->dispose (object);
}

static void
ferry_transfer_row_class_init (FerryTransferRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ferry_transfer_row_dispose;
}

static void
ferry_transfer_row_init (FerryTransferRow *self)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  self->icon = FERRY_STATE_ICON (ferry_state_icon_new ());
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->icon));
}
