/* ferry-ca-dialog.c: trusting a private certificate authority, from the sign-in error about
 * an untrusted certificate. $FERRY_CA_FILE still works besides it (ferry-tls-database.c).
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-ca-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-ca-dialog.h"

struct _FerryCaDialog
{
  AdwWindow             parent_instance;

  GSettings            *settings;  /* owned */
  GtkFileChooserNative *chooser;   /* owned, while open */

  /* Template widgets */
  AdwActionRow         *ca_row;
  GtkWidget            *clear_button;
  GtkWidget            *choose_button;
};

G_DEFINE_FINAL_TYPE (FerryCaDialog, ferry_ca_dialog, ADW_TYPE_WINDOW)

static void
update (FerryCaDialog *self)
{
  g_autofree char *path = NULL;
  g_autofree char *shown = NULL;

  path = self->settings ? g_settings_get_string (self->settings, "ca-file") : g_strdup ("");
  shown = g_filename_display_name (path);
  adw_action_row_set_subtitle (self->ca_row, path[0] ? shown : _("None chosen"));
  gtk_widget_set_visible (self->clear_button, path[0] != '\0');
}

static void
chosen_cb (GtkNativeDialog        *chooser,
           int                     response,
           FerryCaDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        g_settings_set_string (self->settings, "ca-file", path);
    }
  g_clear_object (&self->chooser);
}

static void
on_choose (FerryCaDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  /* Through the file chooser portal inside Flatpak. */
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose a Certificate Authority"),
                                               GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Certificate files"));
  gtk_file_filter_add_pattern (filter, "*.pem");
  gtk_file_filter_add_pattern (filter, "*.crt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_clear (FerryCaDialog *self)
{
  g_settings_set_string (self->settings, "ca-file", "");
}

static void
ferry_ca_dialog_dispose (GObject *object)
{
  FerryCaDialog *self = FERRY_CA_DIALOG (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), FERRY_TYPE_CA_DIALOG);

  G_OBJECT_CLASS (ferry_ca_dialog_parent_class)->dispose (object);
}

static void
ferry_ca_dialog_class_init (FerryCaDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ferry_ca_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/ferry-ca-dialog.ui");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_bind_template_child (widget_class, FerryCaDialog, ca_row);
  gtk_widget_class_bind_template_child (widget_class, FerryCaDialog, clear_button);
  gtk_widget_class_bind_template_child (widget_class, FerryCaDialog, choose_button);
}

static void
ferry_ca_dialog_init (FerryCaDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->choose_button, "clicked", G_CALLBACK (on_choose), self);
  g_signal_connect_swapped (self->clear_button, "clicked", G_CALLBACK (on_clear), self);
  update (self);
}

GtkWidget *
ferry_ca_dialog_new (GSettings *settings)
{
  FerryCaDialog *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (FERRY_TYPE_CA_DIALOG, NULL);
  self->settings = g_object_ref (settings);
  g_signal_connect_swapped (settings, "changed::ca-file", G_CALLBACK (update), self);
  update (self);
  return GTK_WIDGET (self);
}
