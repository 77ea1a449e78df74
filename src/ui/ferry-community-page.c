/* ferry-community-page.c: one community's move: where it stands, and the roster
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * At the top the timeline (the phase, the days to the deadline, the two-week warning), the
 * summary ("32 of 40 arrived, 3 elsewhere, 5 not started") and the chart of the snapshots;
 * then what the helper does (check the states, refresh the roster, add members, export); the
 * job under way as it notifies; and the roster: a GtkListView over a GtkFilterListModel of the
 * community itself (a GListModel of FerryMember), searched by address or name and filtered by
 * state, so that only the rows on screen exist whatever the size of the roster. A member's row
 * opens their detail (FerryMemberDialog). The posting side (announce, guide, shared list,
 * verify) is in posting_box (ferry-community-page-posting.c).
 */

#define G_LOG_DOMAIN "ferry-community-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-community-chart.h"
#include "ferry-community-page.h"
#include "ferry-community-page-private.h"
#include "ferry-import-dialog.h"
#include "ferry-member-dialog.h"
#include "ferry-member-row.h"
#include "ferry-private-file.h"

G_DEFINE_FINAL_TYPE (FerryCommunityPage, ferry_community_page, ADW_TYPE_BIN)

void
ferry_community_page_toast (FerryCommunityPage *self,
       const char         *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

/* ---- Where the community stands ------------------------------------------------------ */

static const char *
phase_label (FerryCommunityPhase phase)
{
  switch (phase)
    {
    case FERRY_COMMUNITY_PHASE_PREPARE:
      return _("Preparing: announce the move, give members the guide, ask them to back up");
    case FERRY_COMMUNITY_PHASE_MOVE:
      return _("Moving: members make their new accounts and move");
    case FERRY_COMMUNITY_PHASE_VERIFY:
      return _("Verifying: followers on the new accounts against the baselines");
    case FERRY_COMMUNITY_PHASE_DONE:
    default:
      return _("Done: the final announcement went out");
    }
}

void
ferry_community_page_update_overview (FerryCommunityPage *self)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GDateTime) deadline = NULL;
  g_autofree char *date = NULL;
  g_autofree char *days = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *servers = NULL;
  int left;

  if (self->community == NULL)
    return;
  left = ferry_community_days_left (self->community, now);
  deadline = g_date_time_new_from_unix_local (ferry_community_get_deadline (self->community));
  /* Translators: the deadline's date, strftime() format */
  date = deadline ? g_date_time_format (deadline, _("%-d %B %Y")) : g_strdup ("");
  g_strstrip (date);
  if (left > 0)
    /* Translators: "23 days to the deadline, 15 January 2027" */
    days = g_strdup_printf (ngettext ("%d day to the deadline, %s", "%d days to the deadline, %s",
                                      left), left, date);
  else if (left == 0)
    days = g_strdup_printf (_("The deadline is today, %s"), date);
  else
    days = g_strdup_printf (ngettext ("The deadline was %d day ago, %s",
                                      "The deadline was %d days ago, %s", -left), -left, date);
  summary = ferry_community_describe_counts (self->community);
  /* Only before the deadline: once it passed, the timeline says so. */
  warning = left >= 0 ? ferry_community_check_deadline (self->community, now) : NULL;
  /* Translators: the old server and the new one */
  servers = g_strdup_printf (_("From %s to %s"), ferry_community_get_old_host (self->community),
                             ferry_community_get_new_host (self->community));

  gtk_label_set_label (self->phase_label,
                       phase_label (ferry_community_get_phase (self->community)));
  gtk_label_set_label (self->summary_label, summary);
  gtk_label_set_label (self->days_label, days);
  gtk_label_set_label (self->deadline_warning, warning ? warning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->deadline_warning), warning != NULL);
  gtk_label_set_label (self->servers_label, servers);
  ferry_community_chart_set_snapshots (self->chart,
                                       ferry_community_get_snapshots (self->community));
  /* The phase decides whether Verify is on show. */
  ferry_community_page_update_posting (self);
}

static gboolean
overview_cb (gpointer data)
{
  FerryCommunityPage *self = data;

  self->overview_id = 0;
  ferry_community_page_update_overview (self);
  return G_SOURCE_REMOVE;
}

/* A check changes members one at a time, an import adds them one at a time: the overview
 * follows once per main loop turn. */
static void
queue_overview (FerryCommunityPage *self)
{
  if (self->overview_id == 0)
    self->overview_id = g_idle_add (overview_cb, self);
}

/* ---- The roster ---------------------------------------------------------------------- */

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
member_matches (gpointer item,
                gpointer user_data)
{
  FerryCommunityPage *self = user_data;
  FerryMember *member = item;
  guint chosen = gtk_drop_down_get_selected (self->state_dropdown);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* 0: every state; then the states in their order. */
  if (chosen != GTK_INVALID_LIST_POSITION && chosen > 0 &&
      ferry_member_get_state (member) != (FerryMemberState) (chosen - 1))
    return FALSE;
  if (text != NULL && text[0] != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (text, -1);

      return contains_folded (ferry_member_get_old_address (member), needle) ||
             contains_folded (ferry_member_get_new_address (member), needle) ||
             contains_folded (ferry_member_get_display_name (member), needle);
    }
  return TRUE;
}

static void
update_shown (FerryCommunityPage *self)
{
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  guint n_all = self->community ? ferry_community_get_n_members (self->community) : 0;
  g_autofree char *text = NULL;

  if (n_shown == n_all)
    text = g_strdup_printf (ngettext ("%u member", "%u members", n_all), n_all);
  else
    /* Translators: "Showing 3 of 40 members" */
    text = g_strdup_printf (ngettext ("Showing %u of %u member", "Showing %u of %u members",
                                      n_all), n_shown, n_all);
  gtk_label_set_label (self->shown_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->shown_label), n_all > 0);
  gtk_stack_set_visible_child_name (self->roster_stack,
                                    n_all == 0 ? "empty" : n_shown == 0 ? "none-shown" : "list");
  ferry_community_page_update_actions (self);
}

static void
refilter (FerryCommunityPage *self)
{
  g_clear_handle_id (&self->refilter_id, g_source_remove);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_shown (self);
}

static gboolean
refilter_cb (gpointer data)
{
  FerryCommunityPage *self = data;

  self->refilter_id = 0;
  refilter (self);
  return G_SOURCE_REMOVE;
}

/* States change a member at a time while a check runs: the filter by state follows once
 * per main loop turn, not once per member. */
static void
on_counts_changed (FerryCommunityPage *self)
{
  queue_overview (self);
  if (gtk_drop_down_get_selected (self->state_dropdown) > 0 && self->refilter_id == 0)
    self->refilter_id = g_idle_add (refilter_cb, self);
}

static void
setup_item (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  gtk_list_item_set_child (item, ferry_member_row_new ());
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  ferry_member_row_set_member (FERRY_MEMBER_ROW (gtk_list_item_get_child (item)),
                               gtk_list_item_get_item (item));
}

static void
unbind_item (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  ferry_member_row_set_member (FERRY_MEMBER_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
open_member (FerryCommunityPage *self,
             FerryMember        *member)
{
  GtkWidget *dialog = ferry_member_dialog_new (self->community, member);

  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_roster_activate (GtkListView        *view,
                    guint               position,
                    FerryCommunityPage *self)
{
  g_autoptr(FerryMember) member = g_list_model_get_item (G_LIST_MODEL (self->shown), position);

  if (member != NULL)
    open_member (self, member);
}

/* Tab leaves the roster instead of walking its rows (GTK 4.8's list moves the focus from
 * row to row: 5,000 presses to get past it); the arrows move within it. */
static gboolean
ferry_community_page_focus (GtkWidget        *widget,
                            GtkDirectionType  direction)
{
  FerryCommunityPage *self = FERRY_COMMUNITY_PAGE (widget);
  GtkWidget *view = GTK_WIDGET (self->roster_view);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && (focus == view || gtk_widget_is_ancestor (focus, view)))
    {
      /* On to what follows in the window, as if the list were one stop. */
      if (direction == GTK_DIR_TAB_FORWARD)
        return FALSE;
      if (direction == GTK_DIR_TAB_BACKWARD)
        return gtk_widget_grab_focus (GTK_WIDGET (self->state_dropdown));
    }
  return GTK_WIDGET_CLASS (ferry_community_page_parent_class)->focus (widget, direction);
}

/* ---- Adding and exporting ------------------------------------------------------------ */

static void
on_imported (FerryImportDialog  *dialog,
             guint               n_added,
             guint               n_skipped,
             FerryCommunityPage *self)
{
  g_autofree char *text = NULL;

  if (n_skipped > 0)
    /* Translators: "12 members added; 2 lines left out" (comments, or not addresses) */
    text = g_strdup_printf (ngettext ("%u member added; %u line left out",
                                      "%u members added; %u lines left out",
                                      n_skipped), n_added, n_skipped);
  else
    text = g_strdup_printf (ngettext ("%u member added", "%u members added", n_added), n_added);
  ferry_community_page_toast (self, text);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FerryCommunityPage *self = FERRY_COMMUNITY_PAGE (widget);
  GtkWidget *dialog;

  if (self->community == NULL)
    return;
  dialog = ferry_import_dialog_new (self->community);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported), self, 0);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  FerryCommunityPage *self;
  g_autoptr(GError) error = NULL;
  gboolean ok = ferry_private_file_write_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = FERRY_COMMUNITY_PAGE (user_data);
  ferry_community_page_toast (self, ok ? _("The roster is saved.") : error->message);
}

void
ferry_community_page_export_to (FerryCommunityPage *self,
                                GFile              *file)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *csv;

  g_return_if_fail (FERRY_IS_COMMUNITY_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (self->community == NULL || path == NULL)
    return;
  csv = ferry_community_export_roster_csv (self->community);
  bytes = g_bytes_new_take (csv, strlen (csv));
  /* Addresses of people: the file is the helper's alone (0600). */
  ferry_private_file_write_async (path, bytes, self->cancellable, export_written_cb, self);
}

static void
export_response_cb (GtkNativeDialog    *chooser,
                    int                 response,
                    FerryCommunityPage *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    ferry_community_page_export_to (self, file);
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FerryCommunityPage *self = FERRY_COMMUNITY_PAGE (widget);
  g_autofree char *name = NULL;

  if (self->community == NULL)
    return;
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser =
    gtk_file_chooser_native_new (_("Save the Roster"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  /* Translators: the roster's file name; %s is the community's name */
  name = g_strdup_printf (_("%s roster.csv"), ferry_community_get_name (self->community));
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- The page ------------------------------------------------------------------------ */

/* Asked for its height at no particular width (the toast overlay and the stacks above ask
 * so), the page answers for a wide window (WIDE_WIDTH), where the chart sits beside the
 * summary and the buttons on one line: else the window could never be smaller than the page
 * stacked for 360 px, however wide it is. (A flow box's natural width is that of one column.)
 */
#define WIDE_WIDTH 960

static void
ferry_community_page_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  *minimum = *natural = 0;
  if (child == NULL)
    return;
  if (orientation == GTK_ORIENTATION_VERTICAL && for_size < 0)
    {
      int min_width, nat_width;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &nat_width, NULL,
                          NULL);
      for_size = MAX (nat_width, WIDE_WIDTH);
    }
  gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline,
                      natural_baseline);
}

static void
ferry_community_page_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
on_action_cell (GtkFlowBox      *box,
                GtkFlowBoxChild *cell,
                gpointer         user_data)
{
  GtkWidget *button = gtk_flow_box_child_get_child (cell);

  if (GTK_IS_BUTTON (button) && gtk_widget_is_sensitive (button))
    gtk_widget_activate (button);
}

static void
ferry_community_page_dispose (GObject *object)
{
  FerryCommunityPage *self = FERRY_COMMUNITY_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refilter_id, g_source_remove);
  g_clear_handle_id (&self->overview_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);
  g_clear_object (&self->job);
  if (self->community != NULL)
    g_signal_handlers_disconnect_by_data (self->community, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), FERRY_TYPE_COMMUNITY_PAGE);
  g_clear_object (&self->shown);
  g_clear_object (&self->filter);
  g_clear_object (&self->community);
  g_clear_object (&self->accounts);
  g_clear_object (&self->jobs);

  G_OBJECT_CLASS (ferry_community_page_parent_class)->dispose (object);
}

static void
ferry_community_page_finalize (GObject *object)
{
  FerryCommunityPage *self = FERRY_COMMUNITY_PAGE (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (ferry_community_page_parent_class)->finalize (object);
}

static void
ferry_community_page_class_init (FerryCommunityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ferry_community_page_dispose;
  object_class->finalize = ferry_community_page_finalize;
  widget_class->focus = ferry_community_page_focus;
  widget_class->measure = ferry_community_page_measure;
  widget_class->size_allocate = ferry_community_page_size_allocate;

  g_type_ensure (FERRY_TYPE_COMMUNITY_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/ferry-community-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityPage, phase_label);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityPage, days_label);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityPage, deadline_warning);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityPage, servers_label);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityPage, chart);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityPage, check_button);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityPage, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityPage, posting_box);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityPage, overview_box);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityPage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityPage, job_box);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityPage, job_title);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityPage, job_bar);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityPage, job_status);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityPage, pause_button);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityPage, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityPage, shown_label);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityPage, roster_stack);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityPage, roster_view);

  gtk_widget_class_install_action (widget_class, "page.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "page.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "page.check", NULL,
                                   ferry_community_page_check_action);
  gtk_widget_class_install_action (widget_class, "page.refresh", NULL,
                                   ferry_community_page_refresh_action);
  gtk_widget_class_install_action (widget_class, "page.pause", NULL,
                                   ferry_community_page_pause_action);
  gtk_widget_class_install_action (widget_class, "page.stop", NULL,
                                   ferry_community_page_stop_action);
  ferry_community_page_install_posting (widget_class);
}

static gboolean
focus_search (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  return gtk_widget_grab_focus (GTK_WIDGET (FERRY_COMMUNITY_PAGE (widget)->search_entry));
}

static void
ferry_community_page_init (FerryCommunityPage *self)
{
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkShortcutController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  /* Measured and allocated by the page itself (ferry_community_page_measure()). */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);

  /* The flow boxes only wrap (narrow, the chart goes below the summary and the buttons onto
   * more lines). Nothing in the overview takes the focus. In the actions each cell is the
   * Tab stop (a flow box focuses its cell before what is inside): it is named after its
   * button, and Enter or Space on it clicks the button. */
  gtk_widget_set_can_focus (self->overview_box, FALSE);
  for (GtkWidget *cell = gtk_widget_get_first_child (self->actions_box); cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (cell));

      if (!GTK_IS_BUTTON (button))
        continue;
      gtk_widget_set_focusable (button, FALSE);
      /* A button off (a check running) leaves its cell out of Tab too. */
      g_object_bind_property (button, "sensitive", cell, "sensitive", G_BINDING_SYNC_CREATE);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      button, NULL, -1);
    }
  g_signal_connect (self->actions_box, "child-activated", G_CALLBACK (on_action_cell), NULL);
  /* The posting side: Announce, Verify and the menu of the guide and the files. */
  ferry_community_page_setup_posting (self);

  gtk_string_list_append (states, _("All States"));
  for (guint s = 0; s < FERRY_MEMBER_N_STATES; s++)
    gtk_string_list_append (states, ferry_member_state_to_label (s));
  gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (states));
  gtk_drop_down_set_selected (self->state_dropdown, 0);

  self->filter = gtk_custom_filter_new (member_matches, self, NULL);
  self->shown = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_item), NULL);
  gtk_list_view_set_factory (self->roster_view, factory);
  {
    g_autoptr(GtkSingleSelection) selection =
      gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));

    /* Nothing chosen until the person moves to a row. */
    gtk_single_selection_set_autoselect (selection, FALSE);
    gtk_single_selection_set_can_unselect (selection, TRUE);
    gtk_list_view_set_model (self->roster_view, GTK_SELECTION_MODEL (selection));
  }
  g_signal_connect (self->roster_view, "activate", G_CALLBACK (on_roster_activate), self);
  g_signal_connect_swapped (self->shown, "items-changed", G_CALLBACK (update_shown), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (refilter), self);
  g_signal_connect_swapped (self->state_dropdown, "notify::selected", G_CALLBACK (refilter),
                            self);

  /* Ctrl+F searches the roster. */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (shortcuts, gtk_shortcut_new (
    gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
    gtk_callback_action_new (focus_search, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (shortcuts));

  ferry_community_page_update_actions (self);
  update_shown (self);
}

GtkWidget *
ferry_community_page_new (void)
{
  return g_object_new (FERRY_TYPE_COMMUNITY_PAGE, NULL);
}

/**
 * ferry_community_page_set_community:
 * @community: (nullable): the community on show
 */
void
ferry_community_page_set_community (FerryCommunityPage *self,
                                    FerryCommunity     *community)
{
  g_return_if_fail (FERRY_IS_COMMUNITY_PAGE (self));
  g_return_if_fail (community == NULL || FERRY_IS_COMMUNITY (community));

  if (self->community == community)
    return;
  if (self->community != NULL)
    g_signal_handlers_disconnect_by_data (self->community, self);
  g_set_object (&self->community, community);
  /* Another community: a fresh search, every state. */
  g_signal_handlers_block_by_func (self->search_entry, refilter, self);
  g_signal_handlers_block_by_func (self->state_dropdown, refilter, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->state_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->search_entry, refilter, self);
  g_signal_handlers_unblock_by_func (self->state_dropdown, refilter, self);
  gtk_filter_list_model_set_model (self->shown, G_LIST_MODEL (community));
  if (community != NULL)
    {
      g_signal_connect_swapped (community, "counts-changed", G_CALLBACK (on_counts_changed),
                                self);
      /* A snapshot taken, the deadline or the phase changed. */
      g_signal_connect_swapped (community, "changed", G_CALLBACK (queue_overview), self);
    }
  g_clear_handle_id (&self->overview_id, g_source_remove);
  ferry_community_page_update_overview (self);
  update_shown (self);
  ferry_community_page_update_actions (self);
}

FerryCommunity *
ferry_community_page_get_community (FerryCommunityPage *self)
{
  g_return_val_if_fail (FERRY_IS_COMMUNITY_PAGE (self), NULL);

  return self->community;
}

void
ferry_community_page_set_managers (FerryCommunityPage  *self,
                                   FerryAccountManager *accounts,
                                   FerryJobManager     *jobs)
{
  g_return_if_fail (FERRY_IS_COMMUNITY_PAGE (self));

  g_set_object (&self->accounts, accounts);
  g_set_object (&self->jobs, jobs);
}

GListModel *
ferry_community_page_get_shown (FerryCommunityPage *self)
{
  g_return_val_if_fail (FERRY_IS_COMMUNITY_PAGE (self), NULL);

  return G_LIST_MODEL (self->shown);
}
