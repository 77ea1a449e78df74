/* ferry-community-chart.c: a community's members by state over time
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The snapshots FerryCommunity takes after each pass, stacked: arrived at the bottom, then on
 * the way (a new account, an alias), not started, elsewhere, gone (deleted, suspended) and not
 * checked at the top, each a band of its own colour with a legend above; one snapshot is one
 * bar. The bands are also told apart by their order and the legend's words, and the latest
 * counts are the accessible description.
 */

#define G_LOG_DOMAIN "ferry-community-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-community.h"
#include "ferry-community-chart.h"

#define MARGIN 8.0
#define AXIS_WIDTH 40.0
#define LEGEND_HEIGHT 22.0
#define DATES_HEIGHT 20.0

struct _FerryCommunityChart
{
  GtkWidget  parent_instance;

  GArray    *snapshots;    /* FerryCommunitySnapshot, owned */
  char      *description;  /* owned */
};

G_DEFINE_FINAL_TYPE (FerryCommunityChart, ferry_community_chart, GTK_TYPE_WIDGET)

typedef struct
{
  const char *label;     /* N_() */
  const char *colour;    /* a named colour of the style, or NULL: the foreground */
  double      alpha;
} ChartGroup;

static const ChartGroup groups[FERRY_COMMUNITY_CHART_N_GROUPS] = {
  { N_("Arrived"), "success_color", 0.85 },
  { N_("On the way"), "accent_color", 0.75 },
  { N_("Not started"), "warning_color", 0.75 },
  { N_("Elsewhere"), NULL, 0.45 },
  { N_("Gone"), "error_color", 0.75 },
  { N_("Not checked"), NULL, 0.15 },
};

/* The group a state is counted in. */
static guint
group_of (FerryMemberState state)
{
  switch (state)
    {
    case FERRY_MEMBER_STATE_MOVED:
    case FERRY_MEMBER_STATE_ARRIVING:
    case FERRY_MEMBER_STATE_DONE:
      return 0;
    case FERRY_MEMBER_STATE_NEW_ACCOUNT:
    case FERRY_MEMBER_STATE_ALIAS_SET:
      return 1;
    case FERRY_MEMBER_STATE_NOT_STARTED:
    case FERRY_MEMBER_STATE_INACTIVE:
      return 2;
    case FERRY_MEMBER_STATE_ELSEWHERE:
      return 3;
    case FERRY_MEMBER_STATE_DELETED:
    case FERRY_MEMBER_STATE_SUSPENDED:
      return 4;
    case FERRY_MEMBER_STATE_UNKNOWN:
    default:
      return 5;
    }
}

static void
group_counts (const FerryCommunitySnapshot *snapshot,
              guint                         out[FERRY_COMMUNITY_CHART_N_GROUPS],
              guint                        *total)
{
  *total = 0;
  for (guint g = 0; g < FERRY_COMMUNITY_CHART_N_GROUPS; g++)
    out[g] = 0;
  for (guint s = 0; s < FERRY_MEMBER_N_STATES; s++)
    {
      out[group_of (s)] += snapshot->counts[s];
      *total += snapshot->counts[s];
    }
}

static void
group_colour (GtkWidget *widget,
              guint      g,
              GdkRGBA   *rgba)
{
  GtkStyleContext *style = gtk_widget_get_style_context (widget);

  gtk_style_context_get_color (style, rgba);
  if (groups[g].colour != NULL)
    gtk_style_context_lookup_color (style, groups[g].colour, rgba);
  rgba->alpha = groups[g].alpha;
}

static char *
format_date (gint64 time)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (time);
  g_autofree char *text = NULL;

  if (when == NULL)
    return g_strdup ("");
  /* Translators: a date under the chart, strftime() format: "24 Nov" */
  text = g_date_time_format (when, C_("chart", "%-d %b"));
  return g_strdup (g_strstrip (text));
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       xalign)
{
  int width, height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - xalign * width, y - height / 2.0);
  pango_cairo_show_layout (cr, layout);
}

/* Above the plot, from the left: a swatch and the name of each group. */
static void
legend (GtkWidget   *widget,
        cairo_t     *cr,
        PangoLayout *layout,
        double       x,
        double       y,
        double       right)
{
  GdkRGBA fg;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  for (guint g = 0; g < FERRY_COMMUNITY_CHART_N_GROUPS; g++)
    {
      GdkRGBA colour;
      int width, height;

      pango_layout_set_text (layout, _(groups[g].label), -1);
      pango_layout_get_pixel_size (layout, &width, &height);
      if (x + 16 + width > right)
        break;
      group_colour (widget, g, &colour);
      gdk_cairo_set_source_rgba (cr, &colour);
      cairo_rectangle (cr, x, y - 5, 10, 10);
      cairo_fill (cr);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.8);
      cairo_move_to (cr, x + 14, y - height / 2.0);
      pango_cairo_show_layout (cr, layout);
      x += 14 + width + 14;
    }
}

/* The x of snapshot @i; one snapshot stands in the middle. */
static double
x_of (GArray *snapshots,
      guint   i,
      double  x0,
      double  width)
{
  FerryCommunitySnapshot *first = &g_array_index (snapshots, FerryCommunitySnapshot, 0);
  FerryCommunitySnapshot *last = &g_array_index (snapshots, FerryCommunitySnapshot,
                                                 snapshots->len - 1);
  FerryCommunitySnapshot *here = &g_array_index (snapshots, FerryCommunitySnapshot, i);
  gint64 span = last->time - first->time;

  if (span <= 0)
    return x0 + width * (snapshots->len > 1 ? (double) i / (snapshots->len - 1) : 0.5);
  return x0 + (double) (here->time - first->time) / (double) span * width;
}

static void
ferry_community_chart_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  FerryCommunityChart *self = FERRY_COMMUNITY_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double plot_x = MARGIN + AXIS_WIDTH;
  double plot_y = MARGIN + LEGEND_HEIGHT;
  double plot_width = width - AXIS_WIDTH - 2 * MARGIN;
  double plot_height = height - 2 * MARGIN - LEGEND_HEIGHT - DATES_HEIGHT;
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *top_text = NULL;
  guint top = 1;
  GdkRGBA fg;
  cairo_t *cr;

  if (plot_width <= 0 || plot_height <= 0)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  if (self->snapshots == NULL || self->snapshots->len == 0)
    {
      /* Before the first check: say so where the chart will be. */
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      layout = gtk_widget_create_pango_layout (widget, NULL);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.55);
      show_text (cr, layout, _("The chart starts with the first check."), width / 2, height / 2,
                 0.5);
      cairo_destroy (cr);
      return;
    }
  for (guint i = 0; i < self->snapshots->len; i++)
    {
      guint counts[FERRY_COMMUNITY_CHART_N_GROUPS], total;

      group_counts (&g_array_index (self->snapshots, FerryCommunitySnapshot, i), counts, &total);
      top = MAX (top, total);
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  layout = gtk_widget_create_pango_layout (widget, NULL);

  /* The bands, bottom up: each between the sum below it and the sum with it. */
  for (guint g = 0; g < FERRY_COMMUNITY_CHART_N_GROUPS; g++)
    {
      GdkRGBA colour;

      group_colour (widget, g, &colour);
      gdk_cairo_set_source_rgba (cr, &colour);
      if (self->snapshots->len == 1)
        {
          guint counts[FERRY_COMMUNITY_CHART_N_GROUPS], total, below = 0;
          double bar = MIN (48.0, plot_width / 3);
          double x = plot_x + plot_width / 2 - bar / 2;

          group_counts (&g_array_index (self->snapshots, FerryCommunitySnapshot, 0), counts,
                        &total);
          for (guint b = 0; b < g; b++)
            below += counts[b];
          cairo_rectangle (cr, x, plot_y + plot_height - (below + counts[g]) * plot_height / top,
                           bar, counts[g] * plot_height / top);
          cairo_fill (cr);
          continue;
        }
      for (guint i = 0; i < self->snapshots->len; i++)
        {
          guint counts[FERRY_COMMUNITY_CHART_N_GROUPS], total, with = 0;

          group_counts (&g_array_index (self->snapshots, FerryCommunitySnapshot, i), counts,
                        &total);
          for (guint b = 0; b <= g; b++)
            with += counts[b];
          if (i == 0)
            cairo_move_to (cr, x_of (self->snapshots, i, plot_x, plot_width),
                           plot_y + plot_height - with * plot_height / top);
          else
            cairo_line_to (cr, x_of (self->snapshots, i, plot_x, plot_width),
                           plot_y + plot_height - with * plot_height / top);
        }
      for (guint i = self->snapshots->len; i-- > 0;)
        {
          guint counts[FERRY_COMMUNITY_CHART_N_GROUPS], total, below = 0;

          group_counts (&g_array_index (self->snapshots, FerryCommunitySnapshot, i), counts,
                        &total);
          for (guint b = 0; b < g; b++)
            below += counts[b];
          cairo_line_to (cr, x_of (self->snapshots, i, plot_x, plot_width),
                         plot_y + plot_height - below * plot_height / top);
        }
      cairo_close_path (cr);
      cairo_fill (cr);
    }

  /* Axes, the top count, the first and the last date */
  cairo_set_line_width (cr, 1);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.25);
  cairo_move_to (cr, plot_x, plot_y);
  cairo_line_to (cr, plot_x, plot_y + plot_height);
  cairo_line_to (cr, plot_x + plot_width, plot_y + plot_height);
  cairo_stroke (cr);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
  top_text = g_strdup_printf ("%u", top);
  show_text (cr, layout, top_text, plot_x - 6, plot_y, 1);
  show_text (cr, layout, "0", plot_x - 6, plot_y + plot_height, 1);
  {
    FerryCommunitySnapshot *first = &g_array_index (self->snapshots, FerryCommunitySnapshot, 0);
    FerryCommunitySnapshot *last = &g_array_index (self->snapshots, FerryCommunitySnapshot,
                                                   self->snapshots->len - 1);
    g_autofree char *from = format_date (first->time);
    g_autofree char *to = format_date (last->time);
    double y = plot_y + plot_height + DATES_HEIGHT / 2 + 2;

    if (self->snapshots->len == 1 || g_str_equal (from, to))
      show_text (cr, layout, to, plot_x + plot_width / 2, y, 0.5);
    else
      {
        show_text (cr, layout, from, plot_x, y, 0);
        show_text (cr, layout, to, plot_x + plot_width, y, 1);
      }
  }
  legend (widget, cr, layout, plot_x, MARGIN + LEGEND_HEIGHT / 2 - 2, width - MARGIN);
  cairo_destroy (cr);
}

static void
ferry_community_chart_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 600 : 150;
}

static void
ferry_community_chart_finalize (GObject *object)
{
  FerryCommunityChart *self = FERRY_COMMUNITY_CHART (object);

  g_clear_pointer (&self->snapshots, g_array_unref);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (ferry_community_chart_parent_class)->finalize (object);
}

static void
ferry_community_chart_class_init (FerryCommunityChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ferry_community_chart_finalize;
  widget_class->snapshot = ferry_community_chart_snapshot;
  widget_class->measure = ferry_community_chart_measure;
  gtk_widget_class_set_css_name (widget_class, "communitychart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ferry_community_chart_init (FerryCommunityChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Members by state over time"), -1);
}

GtkWidget *
ferry_community_chart_new (void)
{
  return g_object_new (FERRY_TYPE_COMMUNITY_CHART, NULL);
}

/**
 * ferry_community_chart_set_snapshots:
 * @snapshots: (element-type FerryCommunitySnapshot) (nullable): copied
 */
void
ferry_community_chart_set_snapshots (FerryCommunityChart *self,
                                     GArray              *snapshots)
{
  g_return_if_fail (FERRY_IS_COMMUNITY_CHART (self));

  g_clear_pointer (&self->snapshots, g_array_unref);
  g_clear_pointer (&self->description, g_free);
  if (snapshots != NULL && snapshots->len > 0)
    {
      FerryCommunitySnapshot *first = &g_array_index (snapshots, FerryCommunitySnapshot, 0);
      FerryCommunitySnapshot *last = &g_array_index (snapshots, FerryCommunitySnapshot,
                                                     snapshots->len - 1);
      guint counts[FERRY_COMMUNITY_CHART_N_GROUPS], total;
      g_autofree char *from = format_date (first->time);
      g_autofree char *to = format_date (last->time);
      GString *text = g_string_new (NULL);

      self->snapshots = g_array_copy (snapshots);
      group_counts (last, counts, &total);
      /* Translators: the chart in words: "From 3 Nov to 20 Nov, 12 checks; now: " and then
       * the groups with their counts */
      g_string_append_printf (text, ngettext ("From %s to %s, %u check; now: ",
                                              "From %s to %s, %u checks; now: ",
                                              snapshots->len), from, to, snapshots->len);
      for (guint g = 0; g < FERRY_COMMUNITY_CHART_N_GROUPS; g++)
        /* Translators: one group in the chart's words: "Arrived 32" */
        g_string_append_printf (text, g == 0 ? _("%s %u") : _(", %s %u"), _(groups[g].label),
                                counts[g]);
      g_string_append_c (text, '.');
      self->description = g_string_free (text, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      self->description, -1);
    }
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    _("No check has been made yet."), -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
ferry_community_chart_get_description (FerryCommunityChart *self)
{
  g_return_val_if_fail (FERRY_IS_COMMUNITY_CHART (self), NULL);

  return self->description;
}
