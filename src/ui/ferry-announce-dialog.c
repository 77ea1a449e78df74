/* ferry-announce-dialog.c: the community's announcement, read and edited before it goes out
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text core composed (ferry_community_text_announcement()) in an editable view, its length
 * as the server counts it against the server's limit, public or unlisted, and whether the
 * reminders are scheduled too. Post says so ("post") and closes; the page runs the job.
 */

#define G_LOG_DOMAIN "ferry-announce-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-announce-dialog.h"
#include "ferry-community-text.h"

struct _FerryAnnounceDialog
{
  AdwWindow       parent_instance;

  FerryCommunity *community;   /* owned */
  guint           max_chars;

  /* Template widgets */
  GtkTextView    *text_view;
  GtkLabel       *length_label;
  GtkSwitch      *unlisted_switch;
  GtkSwitch      *reminders_switch;
};

G_DEFINE_FINAL_TYPE (FerryAnnounceDialog, ferry_announce_dialog, ADW_TYPE_WINDOW)

enum { POST, N_SIGNALS };
static guint signals[N_SIGNALS];

char *
ferry_announce_dialog_get_text (FerryAnnounceDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (FERRY_IS_ANNOUNCE_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

gboolean
ferry_announce_dialog_get_unlisted (FerryAnnounceDialog *self)
{
  g_return_val_if_fail (FERRY_IS_ANNOUNCE_DIALOG (self), FALSE);

  return gtk_switch_get_active (self->unlisted_switch);
}

gboolean
ferry_announce_dialog_get_reminders (FerryAnnounceDialog *self)
{
  g_return_val_if_fail (FERRY_IS_ANNOUNCE_DIALOG (self), FALSE);

  return gtk_switch_get_active (self->reminders_switch);
}

/* "312 of 500 characters"; too long or empty, Post is off. */
static void
on_text_changed (FerryAnnounceDialog *self)
{
  g_autofree char *text = ferry_announce_dialog_get_text (self);
  guint length = ferry_community_text_length (text);
  g_autofree char *label = NULL;
  gboolean fits = length > 0 && length <= self->max_chars;

  /* Translators: the post's length as the server counts it, and the server's limit */
  label = g_strdup_printf (_("%u of %u characters"), length, self->max_chars);
  gtk_label_set_label (self->length_label, label);
  if (fits)
    gtk_widget_remove_css_class (GTK_WIDGET (self->length_label), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->length_label), "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.post", fits);
}

static void
post_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FerryAnnounceDialog *self = FERRY_ANNOUNCE_DIALOG (widget);
  g_autofree char *text = ferry_announce_dialog_get_text (self);

  g_signal_emit (self, signals[POST], 0, text, gtk_switch_get_active (self->unlisted_switch),
                 gtk_switch_get_active (self->reminders_switch));
  gtk_window_close (GTK_WINDOW (self));
}

static void
ferry_announce_dialog_dispose (GObject *object)
{
  FerryAnnounceDialog *self = FERRY_ANNOUNCE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FERRY_TYPE_ANNOUNCE_DIALOG);
  g_clear_object (&self->community);

  G_OBJECT_CLASS (ferry_announce_dialog_parent_class)->dispose (object);
}

static void
ferry_announce_dialog_class_init (FerryAnnounceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ferry_announce_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/ferry-announce-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FerryAnnounceDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, FerryAnnounceDialog, length_label);
  gtk_widget_class_bind_template_child (widget_class, FerryAnnounceDialog, unlisted_switch);
  gtk_widget_class_bind_template_child (widget_class, FerryAnnounceDialog, reminders_switch);
  gtk_widget_class_install_action (widget_class, "dialog.post", NULL, post_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  /**
   * FerryAnnounceDialog::post:
   * @text: the text as edited
   * @unlisted: unlisted, not public
   * @reminders: schedule the reminders too
   */
  signals[POST] = g_signal_new ("post", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING,
                                G_TYPE_BOOLEAN, G_TYPE_BOOLEAN);
}

static void
ferry_announce_dialog_init (FerryAnnounceDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->max_chars = 500;
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed",
                            G_CALLBACK (on_text_changed), self);
}

GtkWidget *
ferry_announce_dialog_new (FerryCommunity *community,
                           const char     *text,
                           guint           max_chars)
{
  FerryAnnounceDialog *self;

  g_return_val_if_fail (FERRY_IS_COMMUNITY (community), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (FERRY_TYPE_ANNOUNCE_DIALOG, NULL);
  self->community = g_object_ref (community);
  self->max_chars = max_chars > 0 ? max_chars : 500;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
  on_text_changed (self);
  return GTK_WIDGET (self);
}
