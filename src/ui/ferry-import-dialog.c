/* ferry-import-dialog.c: adding members from pasted addresses or a file
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What ferry_community_import() reads: one address a line, Mastodon's follow CSV, or old and
 * new addresses in two columns. Pasted text counts as pasted, a file as a CSV; nothing already
 * in the roster is lost. The dialog says what it added through "imported" and closes.
 */

#define G_LOG_DOMAIN "ferry-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-import-dialog.h"

/* A roster file is text: more than this is not one. */
#define MAX_FILE_SIZE (16 * 1024 * 1024)

struct _FerryImportDialog
{
  AdwWindow             parent_instance;

  FerryCommunity       *community;    /* owned */
  GtkFileChooserNative *chooser;      /* owned while open */
  GCancellable         *cancellable;  /* owned: cancelled in dispose */

  /* Template widgets */
  GtkTextView          *text_view;
  GtkLabel             *error_label;
};

G_DEFINE_FINAL_TYPE (FerryImportDialog, ferry_import_dialog, ADW_TYPE_WINDOW)

enum { IMPORTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
import_text (FerryImportDialog *self,
             const char        *text,
             gssize             length,
             FerryMemberSource  source)
{
  guint n_skipped = 0;
  guint n_added = ferry_community_import (self->community, text, length, source, &n_skipped);

  g_signal_emit (self, signals[IMPORTED], 0, n_added, n_skipped);
  gtk_window_close (GTK_WINDOW (self));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  FerryImportDialog *self = FERRY_IMPORT_DIALOG (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  import_text (self, text, -1, FERRY_MEMBER_SOURCE_PASTED);
}

static void
update_add (FerryImportDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.add",
                                 gtk_text_buffer_get_char_count (
                                   gtk_text_view_get_buffer (self->text_view)) > 0);
}

static void
file_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  FerryImportDialog *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self = FERRY_IMPORT_DIALOG (user_data);
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  self = FERRY_IMPORT_DIALOG (user_data);
  if (length > MAX_FILE_SIZE || !g_utf8_validate (contents, length, NULL))
    {
      gtk_label_set_label (self->error_label,
                           _("That file is not a list of addresses: it is not text, or too "
                             "large."));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  import_text (self, contents, length, FERRY_MEMBER_SOURCE_CSV);
}

void
ferry_import_dialog_add_file (FerryImportDialog *self,
                              GFile             *file)
{
  g_return_if_fail (FERRY_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_file_load_contents_async (file, self->cancellable, file_loaded_cb, self);
}

static void
chooser_response_cb (GtkNativeDialog   *chooser,
                     int                response,
                     FerryImportDialog *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    ferry_import_dialog_add_file (self, file);
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FerryImportDialog *self = FERRY_IMPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) lists = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose a List of Members"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (lists, _("Lists of addresses (CSV, text)"));
  gtk_file_filter_add_mime_type (lists, "text/csv");
  gtk_file_filter_add_mime_type (lists, "text/plain");
  gtk_file_filter_add_suffix (lists, "csv");
  gtk_file_filter_add_suffix (lists, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), lists);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
ferry_import_dialog_dispose (GObject *object)
{
  FerryImportDialog *self = FERRY_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), FERRY_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->community);

  G_OBJECT_CLASS (ferry_import_dialog_parent_class)->dispose (object);
}

static void
ferry_import_dialog_finalize (GObject *object)
{
  g_clear_object (&FERRY_IMPORT_DIALOG (object)->cancellable);

  G_OBJECT_CLASS (ferry_import_dialog_parent_class)->finalize (object);
}

static void
ferry_import_dialog_class_init (FerryImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ferry_import_dialog_dispose;
  object_class->finalize = ferry_import_dialog_finalize;

  /**
   * FerryImportDialog::imported:
   * @n_added: members new to the roster
   * @n_skipped: lines that were not addresses
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/ferry-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FerryImportDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, FerryImportDialog, error_label);
  gtk_widget_class_install_action (widget_class, "dialog.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "dialog.choose-file", NULL,
                                   choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ferry_import_dialog_init (FerryImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed",
                            G_CALLBACK (update_add), self);
  update_add (self);
}

GtkWidget *
ferry_import_dialog_new (FerryCommunity *community)
{
  FerryImportDialog *self;

  g_return_val_if_fail (FERRY_IS_COMMUNITY (community), NULL);

  self = g_object_new (FERRY_TYPE_IMPORT_DIALOG, NULL);
  self->community = g_object_ref (community);
  return GTK_WIDGET (self);
}
