/* ferry-transfer-report.c: the Transfer step's last page: what arrived, or why it ended
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The proof of a finished transfer, a category to a row with what did not arrive, or the
 * words of a run that ended otherwise. Its buttons are the page's actions (page.start,
 * page.export, page.setup): the Transfer page it sits on installs them.
 */

#define G_LOG_DOMAIN "ferry-transfer-report"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-backup-category.h"
#include "ferry-state-icon.h"
#include "ferry-transfer-report.h"

struct _FerryTransferReport
{
  AdwBin         parent_instance;

  /* Template widgets */
  AdwStatusPage *status_page;
  GtkListBox    *verify_list;
  GtkWidget     *retry_button;
  GtkWidget     *export_button;
};

G_DEFINE_FINAL_TYPE (FerryTransferReport, ferry_transfer_report, ADW_TYPE_BIN)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* A category's row: how much of it is there, and what is not, line by line. */
static GtkWidget *
new_category_row (FerryBackupCategory *category,
                  const char * const  *lines)
{
  gint64 total = ferry_backup_category_get_total (category);
  guint n = g_strv_length ((char **) lines);
  g_autofree char *there = NULL;
  GtkWidget *row;
  GtkWidget *icon;

  /* Translators: "980 of 1,000 there" */
  there = g_strdup_printf (_("%'u of %'u there"), (guint) (total - n), (guint) total);
  row = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 ferry_backup_category_get_title (category));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), there);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), n > 0);
  adw_expander_row_set_show_enable_switch (ADW_EXPANDER_ROW (row), FALSE);
  icon = ferry_state_icon_new ();
  ferry_state_icon_set_state (FERRY_STATE_ICON (icon),
                              n > 0 ? FERRY_STEP_STATE_FAILED : FERRY_STEP_STATE_DONE);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);
  for (guint j = 0; j < n && j < 100; j++)
    {
      GtkWidget *item = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (item), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item), lines[j]);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), item);
    }
  return row;
}

/* What @transfer's check found: a row per category it holds, and above them the words. */
void
ferry_transfer_report_show_result (FerryTransferReport *self,
                                   FerryTransfer       *transfer)
{
  GListModel *categories;
  guint missing;
  g_autofree char *description = NULL;

  g_return_if_fail (FERRY_IS_TRANSFER_REPORT (self));
  g_return_if_fail (FERRY_IS_TRANSFER (transfer));

  categories = ferry_transfer_get_categories (transfer);
  missing = ferry_transfer_get_n_missing (transfer);
  clear_list (self->verify_list);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(FerryBackupCategory) category = g_list_model_get_item (categories, i);
      g_auto(GStrv) lines = ferry_transfer_get_missing (transfer,
                                                        ferry_backup_category_get_id (category));

      if (ferry_backup_category_get_total (category) <= 0)
        continue;
      gtk_list_box_append (self->verify_list,
                           new_category_row (category, (const char * const *) lines));
    }

  if (missing == 0)
    {
      adw_status_page_set_icon_name (self->status_page, "emblem-ok-symbolic");
      adw_status_page_set_title (self->status_page, _("Everything Arrived"));
      description = g_strdup (_("Every item of the backup is on the new account."));
    }
  else
    {
      /* Something is missing: a warning, with the reasons below, never a light bulb. */
      adw_status_page_set_icon_name (self->status_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->status_page, _("Some Items Are Missing"));
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u item is not on the new account; "
                                                  "each says why below.",
                                                  "%u items are not on the new account; "
                                                  "each says why below.",
                                                  missing), missing);
    }
  if (ferry_transfer_get_next_batch (transfer) > 0)
    {
      g_autoptr(GDateTime) when =
        g_date_time_new_from_unix_local (ferry_transfer_get_next_batch (transfer));
      g_autofree char *time = g_date_time_format (when, "%c");
      g_autofree char *more = g_strdup_printf (_(" The next follows go at %s, while Ferry is "
                                                 "open."), time);
      char *joined = g_strconcat (description, more, NULL);

      g_free (description);
      description = joined;
    }
  adw_status_page_set_description (self->status_page, description);
  gtk_widget_set_visible (self->retry_button, ferry_transfer_get_n_retryable (transfer) > 0);
  gtk_widget_set_visible (self->export_button, missing > 0);
}

/* A run that ended before its check (stopped, interrupted): Try Again, nothing to export. */
void
ferry_transfer_report_show_ended (FerryTransferReport *self,
                                  const char          *title,
                                  const char          *description)
{
  g_return_if_fail (FERRY_IS_TRANSFER_REPORT (self));

  ferry_transfer_report_set_words (self, "dialog-warning-symbolic", title, description);
  clear_list (self->verify_list);
  gtk_widget_set_visible (self->retry_button, TRUE);
  gtk_widget_set_visible (self->export_button, FALSE);
}

/* The words at the top; a NULL @icon_name or @title leaves the one there. */
void
ferry_transfer_report_set_words (FerryTransferReport *self,
                                 const char          *icon_name,
                                 const char          *title,
                                 const char          *description)
{
  g_return_if_fail (FERRY_IS_TRANSFER_REPORT (self));

  if (icon_name != NULL)
    adw_status_page_set_icon_name (self->status_page, icon_name);
  if (title != NULL)
    adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
}

static void
ferry_transfer_report_class_init (FerryTransferReportClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ferryapp/Ferry/ui/"
                                               "ferry-transfer-report.ui");
  gtk_widget_class_bind_template_child (widget_class, FerryTransferReport, status_page);
  gtk_widget_class_bind_template_child (widget_class, FerryTransferReport, verify_list);
  gtk_widget_class_bind_template_child (widget_class, FerryTransferReport, retry_button);
  gtk_widget_class_bind_template_child (widget_class, FerryTransferReport, export_button);
}

static void
ferry_transfer_report_init (FerryTransferReport *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
