/* ferry-followers-page.c: the followers after the move: the chart and who stayed behind
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-followers-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-follower-chart.h"
#include "ferry-followers-page.h"
#include "ferry-window.h"

struct _FerryFollowersPage
{
  AdwBin                parent_instance;

  FerryMove            *move;          /* owned */
  GCancellable         *cancellable;   /* owned */
  GPtrArray            *stragglers;    /* FerryMoveStraggler, the last list */
  GtkFileChooserNative *chooser;       /* owned while open */

  /* Template widgets */
  GtkStack             *stack;
  GtkLabel             *summary_label;
  FerryFollowerChart   *chart;
  GtkLabel             *legend_label;
  AdwPreferencesGroup  *stragglers_group;
  GtkListBox           *stragglers_list;
  GtkLabel             *post_label;
};

G_DEFINE_FINAL_TYPE (FerryFollowersPage, ferry_followers_page, ADW_TYPE_BIN)

/* A sentence at the bottom of the window (ferry_window_show_message()). */
static void
toast (FerryFollowersPage *self,
       const char *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (FERRY_IS_WINDOW (root))
    ferry_window_show_message (FERRY_WINDOW (root), message);
}

static void
show_stragglers (FerryFollowersPage *self)
{
  GtkWidget *child;
  AdwExpanderRow *group = NULL;
  const char *host = NULL;
  guint in_group = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stragglers_list))) != NULL)
    gtk_list_box_remove (self->stragglers_list, child);
  for (guint i = 0; self->stragglers != NULL && i <= self->stragglers->len; i++)
    {
      FerryMoveStraggler *straggler =
        i < self->stragglers->len ? g_ptr_array_index (self->stragglers, i) : NULL;
      GtkWidget *row;

      if (group != NULL && (straggler == NULL || g_strcmp0 (host, straggler->host) != 0))
        {
          g_autofree char *count =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u follower", "%u followers", in_group),
                             in_group);

          adw_expander_row_set_subtitle (group, count);
          group = NULL;
        }
      if (straggler == NULL)
        break;
      if (group == NULL)
        {
          group = ADW_EXPANDER_ROW (adw_expander_row_new ());
          host = straggler->host;
          in_group = 0;
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (group), host);
          gtk_list_box_append (self->stragglers_list, GTK_WIDGET (group));
        }
      in_group++;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), straggler->acct);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), straggler->reason);
      adw_expander_row_add_row (group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->stragglers_group), self->stragglers != NULL);
  if (self->stragglers != NULL && self->stragglers->len == 0)
    adw_preferences_group_set_description (self->stragglers_group,
                                           _("Every follower from before is on the new account."));
  else
    adw_preferences_group_set_description (self->stragglers_group,
                                           _("Followers from before the move, by server, with the "
                                             "likely reason."));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.export", self->stragglers != NULL);
}

static void
update (FerryFollowersPage *self)
{
  GArray *samples;
  g_autofree char *post = NULL;

  if (self->move == NULL ||
      ferry_move_get_status (self->move, FERRY_MOVE_STAGE_MOVE) != FERRY_MOVE_STATUS_DONE)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "main");
  samples = ferry_move_get_samples (self->move);
  ferry_follower_chart_set_samples (self->chart, samples, ferry_move_get_moved_at (self->move));
  gtk_label_set_label (self->summary_label,
                       ferry_move_get_detail (self->move, FERRY_MOVE_STAGE_WATCH));
  /* The chart draws its own legend (names beside solid and dashed lines): no colours here. */
  gtk_label_set_label (self->legend_label,
                       _("Counted every half hour while Ferry runs, and at each start."));
  post = ferry_move_get_announcement (self->move);
  gtk_label_set_label (self->post_label, post);
}

static void
stragglers_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = ferry_move_stragglers_finish (FERRY_MOVE (object), result, &error);
  FerryFollowersPage *self;

  if (list == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = FERRY_FOLLOWERS_PAGE (user_data);
  if (list == NULL)
    {
      toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->stragglers, g_ptr_array_unref);
  self->stragglers = list;
  show_stragglers (self);
}

static void
sampled_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  FerryFollowersPage *self;

  if (!ferry_move_sample_finish (FERRY_MOVE (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = FERRY_FOLLOWERS_PAGE (user_data);
  update (self);
  ferry_move_stragglers_async (self->move, self->cancellable, stragglers_cb, self);
}

static void
check_now (FerryFollowersPage *self)
{
  if (self->move == NULL
      || ferry_move_get_status (self->move, FERRY_MOVE_STAGE_MOVE) != FERRY_MOVE_STATUS_DONE)
    return;
  ferry_move_sample_async (self->move, self->cancellable, sampled_cb, self);
}

static void
check_now_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  check_now (FERRY_FOLLOWERS_PAGE (widget));
}

static void
copy_post_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FerryFollowersPage *self = FERRY_FOLLOWERS_PAGE (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget),
                          gtk_label_get_label (self->post_label));
  toast (self, _("The post is on the clipboard."));
}

static void
export_response_cb (GtkNativeDialog    *chooser,
                    int                 response,
                    FerryFollowersPage *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && path != NULL && self->stragglers != NULL)
    {
      if (!ferry_move_export_stragglers (self->stragglers, path, &error))
        toast (self, error->message);
      else
        toast (self, _("The list is saved."));
    }
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FerryFollowersPage *self = FERRY_FOLLOWERS_PAGE (widget);

  g_clear_object (&self->chooser);
  self->chooser =
    gtk_file_chooser_native_new (_("Save the Followers Left Behind"),
                                 GTK_WINDOW (gtk_widget_get_root (widget)),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), "followers-left-behind.csv");
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_move_changed (FerryMove          *move,
                 FerryFollowersPage *self)
{
  update (self);
}

/**
 * ferry_followers_page_set_move:
 * @move: (nullable): the move to watch
 */
void
ferry_followers_page_set_move (FerryFollowersPage *self,
                               FerryMove          *move)
{
  g_return_if_fail (FERRY_IS_FOLLOWERS_PAGE (self));

  if (self->move == move)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->move != NULL)
    g_signal_handlers_disconnect_by_data (self->move, self);
  g_set_object (&self->move, move);
  g_clear_pointer (&self->stragglers, g_ptr_array_unref);
  if (move != NULL)
    g_signal_connect (move, "changed", G_CALLBACK (on_move_changed), self);
  show_stragglers (self);
  update (self);
}

/* Returns: how many followers the last count found not on the new account */
guint
ferry_followers_page_get_n_stragglers (FerryFollowersPage *self)
{
  g_return_val_if_fail (FERRY_IS_FOLLOWERS_PAGE (self), 0);

  return self->stragglers ? self->stragglers->len : 0;
}

static void
ferry_followers_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ferry_followers_page_parent_class)->map (widget);
  check_now (FERRY_FOLLOWERS_PAGE (widget));
}

static void
ferry_followers_page_dispose (GObject *object)
{
  FerryFollowersPage *self = FERRY_FOLLOWERS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->move != NULL)
    g_signal_handlers_disconnect_by_data (self->move, self);
  g_clear_object (&self->move);
  g_clear_pointer (&self->stragglers, g_ptr_array_unref);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (ferry_followers_page_parent_class)->dispose (object);
}

static void
ferry_followers_page_class_init (FerryFollowersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ferry_followers_page_dispose;
  widget_class->map = ferry_followers_page_map;

  g_type_ensure (FERRY_TYPE_FOLLOWER_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ferryapp/Ferry/ui/"
                                                             "ferry-followers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FerryFollowersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FerryFollowersPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FerryFollowersPage, chart);
  gtk_widget_class_bind_template_child (widget_class, FerryFollowersPage, legend_label);
  gtk_widget_class_bind_template_child (widget_class, FerryFollowersPage, stragglers_group);
  gtk_widget_class_bind_template_child (widget_class, FerryFollowersPage, stragglers_list);
  gtk_widget_class_bind_template_child (widget_class, FerryFollowersPage, post_label);

  gtk_widget_class_install_action (widget_class, "page.check-now", NULL, check_now_action);
  gtk_widget_class_install_action (widget_class, "page.copy-post", NULL, copy_post_action);
  gtk_widget_class_install_action (widget_class, "page.export", NULL, export_action);
}

static void
ferry_followers_page_init (FerryFollowersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  show_stragglers (self);
  update (self);
}
