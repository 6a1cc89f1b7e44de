using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Archive.Api.Pages;

/// <summary>A page that can instead say what went wrong, with the HTTP status that goes with it.</summary>
public abstract class ArchivePage : PageModel
{
    public ProblemView? Problem { get; private set; }

    protected IActionResult Fail(ProblemView problem)
    {
        Problem = problem;
        Response.StatusCode = problem.Status;
        return Page();
    }

    protected IActionResult Fail(int status, string title, string detail) => Fail(new ProblemView(status, title, detail));
}
